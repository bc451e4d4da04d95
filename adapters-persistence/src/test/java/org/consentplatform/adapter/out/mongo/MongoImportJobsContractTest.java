package org.consentplatform.adapter.out.mongo;

import org.bson.Document;
import org.consentplatform.domain.load.ImportJob;
import org.consentplatform.domain.load.ImportShape;
import org.consentplatform.domain.load.ImportSpec;
import org.consentplatform.domain.load.RowCounts;
import org.consentplatform.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A runner on another instance may read a job the moment it is added. */
class MongoImportJobsContractTest extends MongoWireServer {

    private static final TenantId ACME = new TenantId("acme");
    private static final ImportSpec SPEC = new ImportSpec(ImportShape.CONSENT_ROWS, ImportSpec.Format.NDJSON, null, Map.of(), null);

    @Test
    void aJobJustAddedReadsBackWithItsCountsAndIsFoundUnfinished() {
        var jobs = new MongoImportJobs(store);
        String id = UUID.randomUUID().toString();
        jobs.add(ImportJob.queued(id, ACME, SPEC, "rows.ndjson", 10, Instant.parse("2026-12-03T08:00:00Z")));

        Document stored = store.collection(MongoStore.IMPORT_JOBS).find(new Document("_id", id)).first();
        assertThat(stored.get("counts", Document.class)).containsEntry("read", 0L);
        assertThat(stored.getString("state")).isEqualTo("QUEUED");
        assertThat(jobs.unfinished()).extracting(ImportJob::id).contains(id);
    }

    @Test
    void aJobStoredWithoutItsCountsReadsAsNothingCountedYet() {
        String id = UUID.randomUUID().toString();
        var jobs = new MongoImportJobs(store);
        jobs.add(ImportJob.queued(id, ACME, SPEC, "rows.ndjson", 10, Instant.parse("2026-12-03T08:00:00Z")));
        // as the code before this one left a job when its second write had not happened yet
        store.collection(MongoStore.IMPORT_JOBS).updateOne(new Document("_id", id),
                new Document("$unset", new Document("counts", "").append("nextLine", "")));

        ImportJob read = jobs.find(ACME, id).orElseThrow();
        assertThat(read.counts()).isEqualTo(new RowCounts(0, 0, 0, 0, 0));
        assertThat(read.nextLine()).isZero();
    }
}
