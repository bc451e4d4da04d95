package org.consentplatform.adapter.out.mongo;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.consentplatform.application.port.out.StorageProbe;

import java.util.concurrent.TimeUnit;

/**
 * The collections of the consent platform and their indexes, created at start-up. Writes are
 * acknowledged by a majority with journaling: a write the API acknowledged survives a crash.
 */
public final class MongoStore {

    static final String TENANTS = "tenants";
    static final String PROFILES = "profiles";
    static final String CONTACTS = "contacts";
    /** Where minor flags were kept before they moved onto the subject documents. */
    static final String MINORS = "minor_contact_points";
    static final String CHANGES = "consent_changes";
    static final String RECORDS = "consent_records";
    static final String IDEMPOTENCY = "idempotency_keys";
    static final String LEASES = "leases";
    static final String CHECKPOINTS = "tenant_checkpoints";
    static final String CHECKPOINT_HEADS = "tenant_checkpoint_heads";
    static final String CONFIRMATIONS = "confirmation_requests";
    static final String RATE_LIMITS = "rate_limits";
    static final String IMPORT_JOBS = "import_jobs";
    static final String IMPORT_ERRORS = "import_errors";
    static final String IMPORT_FILES = "import_files";
    static final String REPORT_BATCHES = "report_batches";
    static final String REPORT_COUNTERS = "report_counters";
    static final String REPORT_DAYS = "report_days";
    static final String MIGRATIONS = "migrations";
    static final String SESSIONS = "console_sessions";
    /** Each tenant's pseudonym and key-encryption keys, wrapped by the master key. */
    static final String TENANT_KEYS = "tenant_keys";
    /** Where the first pseudonymised version kept data keys; they live beside the records now (subject documents). */
    static final String SUBJECT_KEYS = "subject_keys";
    /** Erasure requests: who asked, when, on which ground, what was destroyed; never what was erased. */
    static final String ERASURES = "erasures";

    private final MongoDatabase database;

    private MongoStore(MongoDatabase database) {
        this.database = database.withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
    }

    /** Opens the store, creating any missing index. */
    public static MongoStore open(MongoDatabase database) {
        var store = new MongoStore(database);
        store.createIndexes();
        store.migrate();
        return store;
    }

    /** By a {@code ping}, which MongoDB and the embedded MongoDB-wire server both answer (the latter knows no {@code hello}). */
    public StorageProbe probe() {
        return () -> {
            database.runCommand(new Document("ping", 1));
            return database.getName();
        };
    }

    private void createIndexes() {
        var unique = new IndexOptions().unique(true);
        // commit point of every change: a second writer of the same sequence number fails with 11000
        collection(CHANGES).createIndex(Indexes.ascending("tenant", "recordKey", "seq"), unique.name("record_seq"));
        collection(CHANGES).createIndex(Indexes.ascending("tenant", "contactPoint", "recordedAt", "_id"),
                new IndexOptions().name("contact_point_history"));
        collection(CHANGES).createIndex(Indexes.ascending("tenant", "recordedAt", "_id"), new IndexOptions().name("tenant_history"));
        // only the few changes whose projection is pending are indexed: the sweeper's query stays cheap
        collection(CHANGES).createIndex(Indexes.ascending("recordedAt"), new IndexOptions().name("unprojected")
                .partialFilterExpression(Filters.eq("projected", false)));
        // the outbox: only unpublished changes are indexed, so the relay's query stays cheap on MongoDB
        collection(CHANGES).createIndex(Indexes.ascending("recordedAt", "seq"), new IndexOptions().name("unpublished")
                .partialFilterExpression(Filters.eq("published", false)));
        // (_id, seq) is unique because _id is; it lets the embedded server serve the projection's
        // compare-and-set from an index (MongoDB uses _id for it anyway)
        collection(RECORDS).createIndex(Indexes.ascending("_id", "seq"), new IndexOptions().unique(true).name("record_seq"));
        collection(RECORDS).createIndex(Indexes.ascending("tenant", "contactPoint"), new IndexOptions().name("contact_point"));
        // erased contact points' subjects, for the retention of readmissions never confirmed (ADR 39)
        collection(RECORDS).createIndex(Indexes.ascending("createdAt"), new IndexOptions().name("suppressed_subjects")
                .partialFilterExpression(Filters.exists(ContactPointKeys.SUPPRESSED)));
        collection(RECORDS).createIndex(Indexes.ascending("tenant", "key.profileId", "key.purposeId", "current.state", "current.capturedAt"),
                new IndexOptions().name("expiry_candidates"));
        // the report counters' queue, like the outbox: only changes not counted yet are indexed
        collection(CHANGES).createIndex(Indexes.ascending("counted", "_id"), new IndexOptions().name("uncounted")
                .partialFilterExpression(Filters.eq("counted", false)));
        collection(REPORT_COUNTERS).createIndex(Indexes.ascending("tenant", "profileId"), new IndexOptions().name("tenant_profile"));
        collection(REPORT_DAYS).createIndex(Indexes.ascending("tenant", "day"), new IndexOptions().name("tenant_day"));
        collection(CHECKPOINTS).createIndex(Indexes.ascending("tenant", "number"), unique.name("tenant_number"));
        collection(CHECKPOINT_HEADS).createIndex(Indexes.ascending("checkpoint", "chunk"), unique.name("checkpoint_chunk"));
        collection(IMPORT_JOBS).createIndex(Indexes.ascending("state", "createdAt"), new IndexOptions().name("unfinished"));
        collection(IMPORT_JOBS).createIndex(Indexes.ascending("tenant", "createdAt"), new IndexOptions().name("tenant_latest"));
        collection(IMPORT_ERRORS).createIndex(Indexes.ascending("jobId", "line"), new IndexOptions().name("job_lines"));
        collection(RATE_LIMITS).createIndex(Indexes.ascending("expiresAt"),
                new IndexOptions().name("expired").expireAfter(0L, TimeUnit.SECONDS));
        collection(CONFIRMATIONS).createIndex(Indexes.ascending("lookup", "requestedAt"), new IndexOptions().name("lookup"));
        collection(CONFIRMATIONS).createIndex(Indexes.ascending("tenant", "key.pseudonym"), new IndexOptions().name("tenant_pseudonym"));
        // what an erasure deletes, found by the pseudonyms each collection files
        collection(CONTACTS).createIndex(Indexes.ascending("tenant", "contactPoints.pseudonym"), new IndexOptions().name("tenant_pseudonym"));
        collection(IDEMPOTENCY).createIndex(Indexes.ascending("tenant", "subjects"), new IndexOptions().name("tenant_subjects"));
        collection(IDEMPOTENCY).createIndex(Indexes.ascending("claimedAt"), new IndexOptions().name("claimed"));
        collection(IMPORT_ERRORS).createIndex(Indexes.ascending("tenant", "named"), new IndexOptions().name("tenant_named"));
        // what retention deletes by date (ADR 40)
        collection(IMPORT_ERRORS).createIndex(Indexes.ascending("reportedAt"), new IndexOptions().name("reported"));
        collection(IMPORT_FILES + ".files").createIndex(Indexes.ascending("uploadDate"), new IndexOptions().name("uploaded"));
        collection(CONFIRMATIONS).createIndex(Indexes.ascending("confirmedAt"), new IndexOptions().name("confirmed"));
        collection(CONFIRMATIONS).createIndex(Indexes.ascending("expiresAt"), new IndexOptions().name("expires"));
        collection(ERASURES).createIndex(Indexes.ascending("done", "requestedAt"), new IndexOptions().name("unfinished"));
        collection(ERASURES).createIndex(Indexes.ascending("announced", "requestedAt"), new IndexOptions().name("unannounced"));
        collection(ERASURES).createIndex(Indexes.ascending("tenant", "requestedAt"), new IndexOptions().name("tenant_latest"));
        collection(PROFILES).createIndex(Indexes.ascending("tenant", "profileId"), new IndexOptions().name("tenant_profiles"));
        collection(SESSIONS).createIndex(Indexes.ascending("expiresAt"), new IndexOptions().name("expired").expireAfter(0L, TimeUnit.SECONDS));
    }

    /**
     * One-off data migrations, each marked done once it ran to its end: running one again (two
     * instances starting together) is harmless.
     */
    private void migrate() {
        var done = collection(MIGRATIONS);
        if (done.find(new Document("_id", "report-counters")).first() == null) {
            // changes written before report counters existed are counted like new ones
            collection(CHANGES).updateMany(Filters.exists("counted", false), Updates.set("counted", false));
            done.replaceOne(new Document("_id", "report-counters"), new Document("_id", "report-counters"),
                    new ReplaceOptions().upsert(true));
        }
    }

    /** Files in GridFS chunks (fs-style {@code <bucket>.files} and {@code <bucket>.chunks} collections). */
    GridFSBucket files(String bucket) {
        return GridFSBuckets.create(database, bucket);
    }

    MongoCollection<Document> collection(String name) {
        return database.getCollection(name);
    }

    /** Keys of documents that belong to a tenant: the tenant id never contains '|'. */
    static String id(Object tenant, String localId) {
        return tenant + "|" + localId;
    }
}
