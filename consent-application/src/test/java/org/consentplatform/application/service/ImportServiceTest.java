package org.consentplatform.application.service;

import java.util.Collection;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.application.port.out.LoadProgress;
import org.consentplatform.application.port.out.ImportErrors;
import org.consentplatform.application.port.out.ImportFiles;
import org.consentplatform.application.port.out.ImportJobs;
import org.consentplatform.application.port.out.Leases;
import org.consentplatform.domain.load.ImportJob;
import org.consentplatform.domain.load.ImportRules;
import org.consentplatform.domain.load.ImportRow;
import org.consentplatform.domain.load.ImportShape;
import org.consentplatform.domain.load.ImportSpec;
import org.consentplatform.domain.load.RowCounts;
import org.consentplatform.domain.load.RowError;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.ProfileDefinition;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.shared.Violation;
import org.consentplatform.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The exactly-once effect of loads: a crash between a batch and its checkpoint changes neither the records nor the counts. */
class ImportServiceTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    private static final ComplianceProfile RETAIL = ComplianceProfile.create(ACME, new TechnicalId("retail"),
            new ProfileDefinition("Retail", null, null, null));
    private static final ImportSpec SPEC = new ImportSpec(ImportShape.LEGACY_CONTACTS, ImportSpec.Format.CSV, RETAIL.id(), Map.of(),
            Instant.parse("2026-10-01T00:00:00Z"));

    @Test
    void aJobResumedAfterACrashEndsWithTheRecordsAndCountsOfAnUninterruptedRun() {
        var uninterrupted = new Setup(Integer.MAX_VALUE);
        String first = uninterrupted.submit();
        uninterrupted.service.processPending();

        var crashing = new Setup(2); // the process dies after applying the third batch, before storing its position
        String second = crashing.submit();
        crashing.service.processPending();
        assertThat(crashing.jobs.get(second).state()).as("left running by the dead instance").isEqualTo(ImportJob.State.RUNNING);
        assertThat(crashing.jobs.get(second).nextLine()).as("two batches stored, the third applied but not stored").isEqualTo(8);
        crashing.jobs.crashAfterSaves = Integer.MAX_VALUE;
        crashing.service.processPending(); // the restarted instance takes the job over

        ImportJob done = crashing.jobs.get(second);
        assertThat(done.state()).isEqualTo(ImportJob.State.COMPLETED);
        assertThat(done.counts()).isEqualTo(uninterrupted.jobs.get(first).counts())
                .isEqualTo(new RowCounts(10, 9, 0, 0, 1));
        assertThat(changeCount(crashing.records)).as("no change recorded twice").isEqualTo(changeCount(uninterrupted.records));
        assertThat(crashing.errors).containsExactlyElementsOf(uninterrupted.errors);
    }

    @Test
    void aSecondLoadOfTheSameRowsIsUnchanged() {
        var setup = new Setup(Integer.MAX_VALUE);
        setup.submit();
        setup.service.processPending();
        long changes = changeCount(setup.records);

        String again = setup.submit();
        setup.service.processPending();

        assertThat(setup.jobs.get(again).counts()).isEqualTo(new RowCounts(10, 0, 0, 9, 1));
        assertThat(changeCount(setup.records)).isEqualTo(changes);
    }

    @Test
    void theProgressIsToldEachStoredBatchOnceAndTheEndOnce() {
        var setup = new Setup(Integer.MAX_VALUE);
        setup.submit();

        setup.service.processPending();

        assertThat(setup.progress.batches).as("ten rows in batches of three").hasSize(4);
        assertThat(setup.progress.batches.stream().reduce(RowCounts.NONE, RowCounts::plus)).as("each row told once")
                .isEqualTo(new RowCounts(10, 9, 0, 0, 1));
        assertThat(setup.progress.ended).singleElement().satisfies(job -> assertThat(job.state()).isEqualTo(ImportJob.State.COMPLETED));
    }

    private static long changeCount(InMemoryRecords records) {
        return records.log.values().stream().mapToLong(List::size).sum();
    }

    /** Ten legacy rows, the fourth one bad, read in batches of three. */
    private static List<ImportRow> rows() {
        var rows = new ArrayList<ImportRow>();
        for (int line = 2; line <= 11; line++) {
            rows.add(new ImportRow(line, Map.of("contactId", "c" + line, "emails", line == 5 ? "nobody" : "p" + line + "@example.com",
                    "doNotEmail", "false", "doNotBulkEmail", line % 2 == 0 ? "true" : "false", "doNotTrack", ""), null));
        }
        return rows;
    }

    private static final class Crash extends RuntimeException {
    }

    private static final class Setup {
        final InMemoryRecords records = new InMemoryRecords();
        final Jobs jobs;
        final List<String> errors = new ArrayList<>();
        final Progress progress = new Progress();
        final ImportService service;

        Setup(int crashAfterSaves) {
            jobs = new Jobs(crashAfterSaves);
            ImportErrors errorReport = new ImportErrors() {
                @Override
                public void addAll(TenantId tenant, String jobId, List<ImportRules.Rejected> rows) {
                    for (ImportRules.Rejected row : rows) {
                        String error = row.line() + ":" + row.violations();
                        if (!errors.contains(error)) {
                            errors.add(error);
                        }
                    }
                }

                @Override
                public void forEach(String jobId, Consumer<RowError> consumer) {
                }
            };
            service = new ImportService(jobs, new Files(), errorReport, records, new NoTenantSettings(), new OneProfile(() -> RETAIL),
                    new FreeLeases(),
                    "instance-1", Duration.ofSeconds(30), 3, CLOCK, progress);
        }

        String submit() {
            return service.submit(ACME, SPEC, "contacts.csv", new ByteArrayInputStream(new byte[0])).id();
        }
    }

    private static final class Progress implements LoadProgress {
        final List<RowCounts> batches = new ArrayList<>();
        final List<ImportJob> ended = new ArrayList<>();

        @Override
        public void batchStored(RowCounts batch) {
            batches.add(batch);
        }

        @Override
        public void ended(ImportJob job) {
            ended.add(job);
        }
    }

    /** Job storage that throws, like a process dying, once {@code crashAfterSaves} progress saves were made. */
    private static final class Jobs implements ImportJobs {
        private final Map<String, ImportJob> stored = new HashMap<>();
        int crashAfterSaves;
        private int progressSaves;

        Jobs(int crashAfterSaves) {
            this.crashAfterSaves = crashAfterSaves;
        }

        ImportJob get(String id) {
            return stored.get(id);
        }

        @Override
        public void add(ImportJob job) {
            stored.put(job.id(), job);
        }

        @Override
        public Optional<ImportJob> find(TenantId tenant, String id) {
            return Optional.ofNullable(stored.get(id));
        }

        @Override
        public ImportJob save(ImportJob job) {
            if (job.counts().read() > 0 && !job.state().finished() && progressSaves++ >= crashAfterSaves) {
                throw new Crash();
            }
            stored.put(job.id(), job);
            return job;
        }

        @Override
        public boolean requestCancel(TenantId tenant, String id) {
            return false;
        }

        @Override
        public List<ImportJob> latest(TenantId tenant, int limit) {
            return stored.values().stream().filter(job -> job.tenant().equals(tenant)).limit(limit).toList();
        }

        @Override
        public List<ImportJob> unfinished() {
            return stored.values().stream().filter(job -> !job.state().finished()).toList();
        }
    }

    private static final class Files implements ImportFiles {
        @Override
        public Stored store(TenantId tenant, String jobId, String fileName, InputStream content) {
            return new Stored(100, 11);
        }

        @Override
        public Rows open(TenantId tenant, String jobId, ImportSpec.Format format, long fromLine) {
            Iterator<ImportRow> rows = rows().stream().filter(row -> row.line() >= fromLine).iterator();
            return new Rows() {
                @Override
                public Set<String> header() {
                    return Set.of("contactId", "emails", "doNotEmail", "doNotBulkEmail", "doNotTrack");
                }

                @Override
                public void close() {
                }

                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public ImportRow next() {
                    return rows.next();
                }
            };
        }

        @Override
        public void delete(String jobId) {
        }
    }

    private static final class FreeLeases implements Leases {
        @Override
        public boolean acquire(String lease, String holder, Duration ttl) {
            return true;
        }

        @Override
        public void release(String lease, String holder) {
        }

        @Override
        public java.util.List<String> holders(String prefix) {
            return java.util.List.of();
        }
    }
}
