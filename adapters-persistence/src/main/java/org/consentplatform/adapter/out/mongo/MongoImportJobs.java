package org.consentplatform.adapter.out.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.consentplatform.application.port.out.ImportJobs;
import org.consentplatform.domain.load.ImportJob;
import org.consentplatform.domain.load.ImportShape;
import org.consentplatform.domain.load.ImportSpec;
import org.consentplatform.domain.load.RowCounts;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Load jobs, one document each; a cancellation is its own field, so saving progress never loses it. */
public final class MongoImportJobs implements ImportJobs {

    private final MongoCollection<Document> jobs;

    public MongoImportJobs(MongoStore store) {
        this.jobs = store.collection(MongoStore.IMPORT_JOBS);
    }

    @Override
    public void add(ImportJob job) {
        ImportSpec spec = job.spec();
        var mapping = new ArrayList<Document>();
        spec.lists().forEach((list, topic) -> mapping.add(new Document("list", list)
                .append("purposeId", topic.purposeId().value()).append("topicId", topic.topicId().value())));
        var document = new Document("_id", job.id())
                .append("tenant", job.tenant().value())
                .append("spec", new Document("shape", spec.shape().name())
                        .append("format", spec.format().name())
                        .append("profileId", spec.profileId() == null ? null : spec.profileId().value())
                        .append("lists", mapping)
                        .append("capturedAt", date(spec.capturedAt())))
                .append("fileName", job.fileName())
                .append("totalRows", job.totalRows())
                .append("createdAt", date(job.createdAt()))
                .append("cancelRequested", false);
        document.putAll(progress(job));
        jobs.insertOne(document); // one write: a runner on another instance never finds a job without its counts
    }

    @Override
    public Optional<ImportJob> find(TenantId tenant, String id) {
        return Optional.ofNullable(jobs.find(Filters.eq("_id", id)).first())
                .filter(doc -> tenant.value().equals(doc.getString("tenant")))
                .map(MongoImportJobs::job);
    }

    @Override
    public ImportJob save(ImportJob job) {
        Document stored = jobs.findOneAndUpdate(Filters.eq("_id", job.id()), new Document("$set", progress(job)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (stored == null) {
            throw new IllegalStateException("import job " + job.id() + " is not stored");
        }
        return job(stored);
    }

    /** What a run changes: state, counts, where to resume, and when it started, ended or failed. */
    private static Document progress(ImportJob job) {
        RowCounts counts = job.counts();
        return new Document("state", job.state().name())
                .append("counts", new Document("read", counts.read()).append("applied", counts.applied())
                        .append("superseded", counts.superseded()).append("unchanged", counts.unchanged())
                        .append("rejected", counts.rejected()))
                .append("nextLine", job.nextLine())
                .append("startedAt", date(job.startedAt()))
                .append("finishedAt", date(job.finishedAt()))
                .append("failure", job.failure());
    }

    @Override
    public boolean requestCancel(TenantId tenant, String id) {
        return jobs.updateOne(new Document("_id", id).append("tenant", tenant.value()), Updates.set("cancelRequested", true))
                .getMatchedCount() == 1;
    }

    @Override
    public List<ImportJob> latest(TenantId tenant, int limit) {
        return jobs.find(Filters.eq("tenant", tenant.value())).sort(Sorts.descending("createdAt")).limit(limit)
                .map(MongoImportJobs::job).into(new ArrayList<>());
    }

    @Override
    public List<ImportJob> unfinished() {
        return jobs.find(Filters.in("state", ImportJob.State.QUEUED.name(), ImportJob.State.RUNNING.name()))
                .sort(Sorts.ascending("createdAt")).map(MongoImportJobs::job).into(new ArrayList<>());
    }

    private static ImportJob job(Document doc) {
        Document spec = doc.get("spec", Document.class);
        Map<String, ImportSpec.ListTopic> lists = new LinkedHashMap<>();
        for (Document mapping : spec.getList("lists", Document.class)) {
            lists.put(mapping.getString("list"), new ImportSpec.ListTopic(new TechnicalId(mapping.getString("purposeId")),
                    new TechnicalId(mapping.getString("topicId"))));
        }
        // jobs added before a job was written in one go may lack their counts: none counted yet
        Document counts = doc.get("counts", new Document());
        return new ImportJob(doc.getString("_id"), new TenantId(doc.getString("tenant")),
                new ImportSpec(ImportShape.valueOf(spec.getString("shape")), ImportSpec.Format.valueOf(spec.getString("format")),
                        spec.getString("profileId") == null ? null : new TechnicalId(spec.getString("profileId")), lists,
                        instant(spec.getDate("capturedAt"))),
                doc.getString("fileName"), doc.getLong("totalRows"), ImportJob.State.valueOf(doc.getString("state")),
                new RowCounts(counts.get("read", 0L), counts.get("applied", 0L), counts.get("superseded", 0L),
                        counts.get("unchanged", 0L), counts.get("rejected", 0L)),
                doc.get("nextLine", 0L), instant(doc.getDate("createdAt")), instant(doc.getDate("startedAt")),
                instant(doc.getDate("finishedAt")), doc.getString("failure"), doc.getBoolean("cancelRequested", false));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
