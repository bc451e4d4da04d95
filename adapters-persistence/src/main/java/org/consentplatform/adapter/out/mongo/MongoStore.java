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
import org.bson.conversions.Bson;
import org.consentplatform.application.port.out.StorageProbe;

import java.util.List;
import java.util.Map;
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
    static final String INTAKE_SECRETS = "intake_secrets";

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

    /**
     * Every index the store declares, created at start-up. The index coverage check of the
     * acceptance suite reads this list too: every query shape the suite issues must be served
     * by one of them by MongoDB's rules, since the embedded server ignores secondary indexes.
     */
    public static List<Index> indexes() {
        return List.of(
                // commit point of every change: a second writer of the same sequence number fails with 11000
                Index.unique(CHANGES, "record_seq", 2, Indexes.ascending("tenant", "recordKey", "seq")),
                Index.of(CHANGES, "contact_point_history", 2, Indexes.ascending("tenant", "contactPoint", "recordedAt", "_id")),
                Index.of(CHANGES, "tenant_history", 0, Indexes.ascending("tenant", "recordedAt", "_id")),
                // only the few changes whose projection is pending are indexed: the sweeper's query stays cheap
                Index.partial(CHANGES, "unprojected", Indexes.ascending("recordedAt"), Filters.eq("projected", false)),
                // the outbox: only unpublished changes are indexed, so the relay's query stays cheap on MongoDB
                Index.partial(CHANGES, "unpublished", Indexes.ascending("recordedAt", "seq"), Filters.eq("published", false)),
                // a share of the outbox (several relays at once): its buckets, then the same order
                Index.partial(CHANGES, "unpublished_by_bucket", Indexes.ascending(MongoChangeOutbox.BUCKET, "recordedAt", "seq"),
                        Filters.eq("published", false)),
                // the report counters' queue, like the outbox: only changes not counted yet are indexed
                Index.partial(CHANGES, "uncounted", Indexes.ascending("counted", "_id"), Filters.eq("counted", false)),
                // (_id, seq) is unique because _id is; it lets the embedded server serve the projection's
                // compare-and-set from an index (MongoDB uses _id for it anyway)
                Index.unique(RECORDS, "record_seq", 0, Indexes.ascending("_id", "seq")),
                Index.of(RECORDS, "contact_point", 2, Indexes.ascending("tenant", "contactPoint")),
                // erased contact points' subjects, for the retention of readmissions never confirmed (ADR 39)
                Index.partial(RECORDS, "suppressed_subjects", Indexes.ascending("createdAt"),
                        Filters.exists(ContactPointKeys.SUPPRESSED)),
                Index.of(RECORDS, "expiry_candidates", 3,
                        Indexes.ascending("tenant", "key.profileId", "key.purposeId", "current.state", "current.capturedAt")),
                Index.of(REPORT_COUNTERS, "tenant_profile", 2, Indexes.ascending("tenant", "profileId")),
                Index.of(REPORT_DAYS, "tenant_day", 1, Indexes.ascending("tenant", "day")),
                Index.unique(CHECKPOINTS, "tenant_number", 1, Indexes.ascending("tenant", "number")),
                Index.unique(CHECKPOINT_HEADS, "checkpoint_chunk", 1, Indexes.ascending("checkpoint", "chunk")),
                Index.of(IMPORT_JOBS, "unfinished", 1, Indexes.ascending("state", "createdAt")),
                Index.of(IMPORT_JOBS, "tenant_latest", 1, Indexes.ascending("tenant", "createdAt")),
                // a job's error report, in line order (and in _id order within a line)
                Index.of(IMPORT_ERRORS, "job_errors", 1, Indexes.ascending("jobId", "line", "_id")),
                Index.expiring(RATE_LIMITS, "expired", "expiresAt"),
                Index.of(CONFIRMATIONS, "lookup", 1, Indexes.ascending("lookup", "requestedAt")),
                // what an erasure deletes, found by the pseudonyms each collection files
                Index.of(CONFIRMATIONS, "tenant_pseudonym_requested", 2, Indexes.ascending("tenant", "key.pseudonym", "requestedAt")),
                Index.of(CONTACTS, "tenant_pseudonym", 2, Indexes.ascending("tenant", "contactPoints.pseudonym")),
                Index.of(IDEMPOTENCY, "tenant_subjects", 2, Indexes.ascending("tenant", "subjects")),
                Index.of(IDEMPOTENCY, "claimed", 0, Indexes.ascending("claimedAt")),
                Index.of(IMPORT_ERRORS, "tenant_named", 2, Indexes.ascending("tenant", "named")),
                // what retention deletes by date (ADR 40)
                Index.of(IMPORT_ERRORS, "reported", 0, Indexes.ascending("reportedAt")),
                Index.of(IMPORT_FILES + ".files", "uploaded", 0, Indexes.ascending("uploadDate")),
                Index.of(CONFIRMATIONS, "confirmed", 0, Indexes.ascending("confirmedAt")),
                Index.of(CONFIRMATIONS, "expires", 0, Indexes.ascending("expiresAt")),
                Index.of(ERASURES, "unfinished", 1, Indexes.ascending("done", "requestedAt")),
                Index.of(ERASURES, "unannounced", 1, Indexes.ascending("announced", "requestedAt")),
                Index.of(ERASURES, "tenant_requests", 1, Indexes.ascending("tenant", "requestedAt", "_id")),
                Index.of(PROFILES, "tenant_profiles", 2, Indexes.ascending("tenant", "profileId")),
                Index.expiring(SESSIONS, "expired", "expiresAt"));
    }

    /**
     * Indexes an earlier version declared and this one replaced by one serving more of its
     * queries (the same keys and more): dropped at start-up where they are still there.
     */
    static final Map<String, List<String>> RETIRED_INDEXES = Map.of(
            IMPORT_ERRORS, List.of("job_lines"),
            CONFIRMATIONS, List.of("tenant_pseudonym"),
            ERASURES, List.of("tenant_latest"));

    /**
     * An index of one collection: its keys and options (name, uniqueness, partial filter, expiry),
     * and how many of its leading keys the embedded server hashes to serve it (the equalities the
     * store's queries bind; 0 where it scans instead: a date range, a tenant's whole history).
     * MongoDB needs no such hint; the embedded server has no secondary indexes of its own.
     */
    public record Index(String collection, Bson keys, IndexOptions options, int hashedKeys) {

        static Index of(String collection, String name, int hashedKeys, Bson keys) {
            return new Index(collection, keys, new IndexOptions().name(name), hashedKeys);
        }

        static Index unique(String collection, String name, int hashedKeys, Bson keys) {
            return new Index(collection, keys, new IndexOptions().name(name).unique(true), hashedKeys);
        }

        /** Indexes only the documents the filter matches: a query uses it only when its own filter implies that one. */
        static Index partial(String collection, String name, Bson keys, Bson only) {
            return new Index(collection, keys, new IndexOptions().name(name).partialFilterExpression(only), 0);
        }

        /** MongoDB deletes a document once the date in its field has passed. */
        static Index expiring(String collection, String name, String field) {
            return new Index(collection, Indexes.ascending(field), new IndexOptions().name(name).expireAfter(0L, TimeUnit.SECONDS), 0);
        }
    }

    private void createIndexes() {
        for (Index index : indexes()) {
            collection(index.collection()).createIndex(index.keys(), index.options());
        }
        RETIRED_INDEXES.forEach((name, retired) -> {
            MongoCollection<Document> collection = collection(name);
            for (Document index : collection.listIndexes()) {
                if (retired.contains(index.getString("name"))) {
                    collection.dropIndex(index.getString("name"));
                }
            }
        });
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
