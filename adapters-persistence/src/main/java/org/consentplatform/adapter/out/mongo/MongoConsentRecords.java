package org.consentplatform.adapter.out.mongo;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.consentplatform.application.port.out.ConsentRecords;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentRecord;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.RecordState;
import org.consentplatform.domain.consent.Suppression;
import org.consentplatform.domain.contact.MinorFlag;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.contactpoint.SealedAddress;
import org.consentplatform.domain.report.Series;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Change log first, projection second, no multi-document transaction (see architecture.md):
 * inserting the change under the unique (tenant, recordKey, seq) index is the commit point;
 * the projection in {@code consent_records} follows with a write conditional on its seq, so
 * replays are harmless. A change whose projection was lost to a crash is re-applied by the
 * next writer of the record or by {@link #repairProjections}. Records are filed by pseudonym
 * ({@link ContactPointKeys}): a read by key computes it in memory, and decrypts nothing.
 */
public final class MongoConsentRecords implements ConsentRecords {

    private static final Logger LOG = LoggerFactory.getLogger(MongoConsentRecords.class);
    /**
     * Bounds a single {@code $in} read: a chunk of 500 decisions, each reading up to three records
     * and its contact point's subject, is one round trip (about 200 KB of ids, far below a
     * command's 16 MB).
     */
    private static final int MAX_IN = 2000;
    /** What a decision reads of records (their state) and of subjects (erasure, minor flag). */
    private static final Document DECIDED_ON = new Document("current", 1).append(ContactPointKeys.SUPPRESSED, 1)
            .append(ContactPointKeys.MINOR, 1);

    private final MongoCollection<Document> changes;
    private final MongoCollection<Document> records;
    private final ContactPointKeys keys;
    private final Clock clock;
    private final Consumer<ConsentChange> written;
    private final Supplier<String> traceContext;

    public MongoConsentRecords(MongoStore store, ContactPointKeys keys, Clock clock) {
        this(store, keys, clock, change -> { }, () -> null);
    }

    /**
     * @param written      told of each change once it is in the log, whatever wrote it (the service's meters count them)
     * @param traceContext the W3C traceparent of the work in progress (null when none), kept with each change for its event
     */
    public MongoConsentRecords(MongoStore store, ContactPointKeys keys, Clock clock, Consumer<ConsentChange> written,
                               Supplier<String> traceContext) {
        this.changes = store.collection(MongoStore.CHANGES);
        this.records = store.collection(MongoStore.RECORDS);
        this.keys = keys;
        this.clock = clock;
        this.written = written;
        this.traceContext = traceContext;
    }

    private Document logged(ConsentChange change) {
        Document doc = Documents.change(change);
        String trace = traceContext.get();
        return trace == null ? doc : doc.append(Documents.TRACE_CONTEXT, trace);
    }

    @Override
    public String pseudonym(TenantId tenant, ContactPoint contactPoint) {
        return keys.pseudonym(tenant, contactPoint);
    }

    @Override
    public ConsentRecord load(TenantId tenant, RecordKey key) {
        String storedKey = keys.stored(tenant, key).value();
        String recordId = MongoStore.id(tenant.value(), storedKey);
        // the record and its contact point's subject (data key or suppression) in one read by _id
        Document projection = null;
        Document subject = null;
        for (Document doc : records.find(Filters.in("_id", List.of(recordId, keys.subjectId(tenant, key.contactPoint()))))) {
            if (ContactPointKeys.isSubject(doc)) {
                subject = doc;
            } else {
                projection = doc;
            }
        }
        long seq = projection == null ? 0 : projection.getLong("seq");
        RecordState state = projection == null ? null : Documents.state(projection.get("current", Document.class));
        String headHash = projection == null ? ConsentChange.GENESIS : projection.getString("headHash");
        // changes committed after the projection (a crash in between) are caught up here
        Document next;
        while ((next = changeAt(tenant, storedKey, seq + 1)) != null) {
            project(next);
            seq = next.getLong("seq");
            state = Documents.state(next.get("after", Document.class));
            headHash = next.getString("hash");
        }
        return record(tenant, key, keys.sealFor(tenant, key.contactPoint(), subject), subject, state, seq, headHash);
    }

    /** A record with the sealed address its next entries carry and its contact point's suppression, if erased. */
    private static ConsentRecord record(TenantId tenant, RecordKey key, SealedAddress sealed, Document subject, RecordState state,
                                        long seq, String headHash) {
        ConsentRecord record = ConsentRecord.reconstitute(tenant, key, sealed, state, seq, headHash);
        Suppression suppression = ContactPointKeys.suppression(subject);
        return suppression == null ? record : record.suppressedBy(suppression);
    }

    private Document changeAt(TenantId tenant, String storedKey, long seq) {
        // a plain equality document on exactly the unique index's keys, which every server serves from the index
        return changes.find(new Document("tenant", tenant.value()).append("recordKey", storedKey).append("seq", seq)).first();
    }

    @Override
    public boolean append(ConsentChange change) {
        Document doc = logged(change);
        try {
            changes.insertOne(doc);
        } catch (MongoException e) {
            if (DuplicateKeys.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
        written.accept(change);
        project(doc);
        return true;
    }

    @Override
    public Map<RecordKey, ConsentRecord> loadAll(TenantId tenant, Collection<RecordKey> recordKeys) {
        ReadPlan plan = plan(tenant, recordKeys);
        Map<String, Document> found = byIds(plan.ids(), null);
        Map<ContactPoint, Document> subjects = new HashMap<>();
        plan.subjects().forEach((id, contactPoint) -> subjects.put(contactPoint, found.get(id)));
        // the data keys of contact points seen for the first time, made together
        Map<ContactPoint, SealedAddress> sealed = keys.sealFor(tenant, subjects);
        // a projection left behind by a crash shows an older seq: appending after it fails on the seq index, and the
        // caller then takes the one-by-one path, which catches the projection up
        Map<RecordKey, ConsentRecord> loaded = new HashMap<>();
        plan.records().forEach((id, key) -> {
            Document doc = found.get(id);
            Document subject = subjects.get(key.contactPoint());
            loaded.put(key, doc == null
                    ? record(tenant, key, sealed.get(key.contactPoint()), subject, null, 0, ConsentChange.GENESIS)
                    : record(tenant, key, sealed.get(key.contactPoint()), subject, Documents.state(doc.get("current", Document.class)),
                    doc.getLong("seq"), doc.getString("headHash")));
        });
        return loaded;
    }

    @Override
    public Set<String> appendAll(List<ConsentChange> batch, Repair repair) {
        Map<String, List<Document>> byRecord = new LinkedHashMap<>();
        for (ConsentChange change : batch) {
            // the caller that repairs its own writes needs no mark: the change goes in as projected already
            Document doc = logged(change).append("projected", repair == Repair.CALLER);
            byRecord.computeIfAbsent(MongoStore.id(doc.getString("tenant"), doc.getString("recordKey")), id -> new ArrayList<>()).add(doc);
        }
        // round n inserts each record's n-th change, and only while its earlier ones went in: a change after one that
        // lost its seq to another writer would chain onto a hash that is not in the log
        Map<String, List<Document>> inserted = new LinkedHashMap<>();
        Set<String> blocked = new HashSet<>();
        for (int round = 0; ; round++) {
            List<Document> docs = new ArrayList<>();
            List<String> owners = new ArrayList<>();
            for (var entry : byRecord.entrySet()) {
                if (!blocked.contains(entry.getKey()) && entry.getValue().size() > round) {
                    docs.add(entry.getValue().get(round));
                    owners.add(entry.getKey());
                }
            }
            if (docs.isEmpty()) {
                break;
            }
            Set<Integer> failed = insertUnordered(docs);
            for (int i = 0; i < docs.size(); i++) {
                if (failed.contains(i)) {
                    blocked.add(owners.get(i));
                } else {
                    inserted.computeIfAbsent(owners.get(i), id -> new ArrayList<>()).add(docs.get(i));
                }
            }
        }
        Set<String> ids = new HashSet<>();
        inserted.values().forEach(docs -> docs.forEach(doc -> ids.add(doc.getString("_id"))));
        batch.stream().filter(change -> ids.contains(change.id())).forEach(written);
        projectAll(inserted, repair);
        return ids;
    }

    /** @return the positions refused as duplicates (another writer's seq, or the same change id) */
    private Set<Integer> insertUnordered(List<Document> docs) {
        return DuplicateKeys.refused(() -> changes.insertMany(docs, new InsertManyOptions().ordered(false)));
    }

    /** Each record's projection jumps to its last written change; any surprise falls back to the one-by-one projection. */
    private void projectAll(Map<String, List<Document>> written, Repair repair) {
        if (written.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (List<Document> docs : written.values()) {
            Document last = docs.getLast();
            long before = docs.getFirst().getLong("seq") - 1;
            Document projection = projection(last);
            writes.add(before == 0 ? new InsertOneModel<>(projection)
                    : new ReplaceOneModel<>(new Document("_id", projection.getString("_id")).append("seq", before), projection));
        }
        boolean complete;
        try {
            BulkWriteResult result = records.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            complete = result.getInsertedCount() + result.getMatchedCount() == writes.size();
        } catch (MongoBulkWriteException e) {
            complete = false;
        }
        if (!complete) {
            written.values().forEach(docs -> docs.forEach(this::project));
        }
        if (repair == Repair.CALLER) {
            return;
        }
        List<String> ids = new ArrayList<>();
        written.values().forEach(docs -> docs.forEach(doc -> ids.add(doc.getString("_id"))));
        for (int from = 0; from < ids.size(); from += MAX_IN) {
            changes.updateMany(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + MAX_IN))), Updates.set("projected", true));
        }
    }

    @Override
    public void project(Collection<ConsentChange> logged) {
        logged.forEach(change -> project(Documents.change(change)));
    }

    @Override
    public List<ConsentChange> changes(TenantId tenant, Collection<String> changeIds) {
        var found = new ArrayList<ConsentChange>();
        List<String> ids = List.copyOf(new LinkedHashSet<>(changeIds));
        for (int from = 0; from < ids.size(); from += MAX_IN) {
            List<String> slice = ids.subList(from, Math.min(ids.size(), from + MAX_IN));
            Bson filter = slice.size() == 1 ? Filters.eq("_id", slice.getFirst()) : Filters.in("_id", slice);
            for (Document doc : changes.find(filter)) {
                if (tenant.value().equals(doc.getString("tenant"))) {
                    found.add(Documents.change(doc));
                }
            }
        }
        return Documents.opened(keys, found);
    }

    @Override
    public Current current(TenantId tenant, Collection<RecordKey> recordKeys) {
        ReadPlan plan = plan(tenant, recordKeys);
        Map<String, RecordKey> byId = plan.records();
        Map<String, ContactPoint> subjectIds = plan.subjects();
        // records and their contact points' subjects in one read by _id, of what a decision needs alone (no key material:
        // nothing is decrypted; no record key, ciphertext or links: less to send and decode)
        Map<RecordKey, RecordState> states = new HashMap<>();
        Map<ContactPoint, Suppression> suppressions = new HashMap<>();
        Map<ContactPoint, MinorFlag> minors = new HashMap<>();
        byIds(plan.ids(), DECIDED_ON).forEach((id, doc) -> {
            ContactPoint contactPoint = subjectIds.get(id);
            if (contactPoint != null) {
                Suppression suppression = ContactPointKeys.suppression(doc);
                if (suppression != null) {
                    suppressions.put(contactPoint, suppression);
                }
                MinorFlag minor = ContactPointKeys.minorFlag(contactPoint, doc);
                if (minor != null) {
                    minors.put(contactPoint, minor);
                }
                return;
            }
            RecordState state = Documents.state(doc.get("current", Document.class));
            if (state != null) {
                states.put(byId.get(id), state);
            }
        });
        return new Current(states, suppressions, minors);
    }

    /** Documents of {@code consent_records} by {@code _id}, in reads of at most {@value #MAX_IN}. */
    private Map<String, Document> byIds(List<String> ids, Document projection) {
        Map<String, Document> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += MAX_IN) {
            List<String> slice = ids.subList(from, Math.min(ids.size(), from + MAX_IN));
            Bson filter = slice.size() == 1 ? Filters.eq("_id", slice.getFirst()) : Filters.in("_id", slice);
            var find = records.find(filter);
            for (Document doc : projection == null ? find : find.projection(projection)) {
                found.put(doc.getString("_id"), doc);
            }
        }
        return found;
    }

    /** The {@code _id}s of records and of their contact points' subjects, read together. */
    private record ReadPlan(Map<String, RecordKey> records, Map<String, ContactPoint> subjects) {
        List<String> ids() {
            var all = new ArrayList<String>(records.size() + subjects.size());
            all.addAll(records.keySet());
            all.addAll(subjects.keySet());
            return all;
        }
    }

    /** One keyed hash per contact point, however many of its records are read. */
    private ReadPlan plan(TenantId tenant, Collection<RecordKey> recordKeys) {
        Map<String, RecordKey> records = new HashMap<>();
        Map<String, ContactPoint> subjects = new HashMap<>();
        Map<ContactPoint, String> pseudonyms = new HashMap<>();
        for (RecordKey key : recordKeys) {
            String pseudonym = pseudonyms.computeIfAbsent(key.contactPoint(), point -> keys.pseudonym(tenant, point));
            records.put(MongoStore.id(tenant.value(), key.contactPoint().isWithheld() ? key.value() : key.withheld(pseudonym).value()), key);
            subjects.putIfAbsent(ContactPointKeys.subjectId(tenant, pseudonym), key.contactPoint());
        }
        return new ReadPlan(records, subjects);
    }

    @Override
    public List<ConsentRecord> optedInCapturedBefore(TenantId tenant, TechnicalId profileId, TechnicalId purposeId,
                                                     Instant capturedBefore, int limit) {
        var result = new ArrayList<ConsentRecord>();
        for (Document doc : records.find(Filters.and(Filters.eq("tenant", tenant.value()), Filters.eq("key.profileId", profileId.value()),
                        Filters.eq("key.purposeId", purposeId.value()), Filters.eq("current.state", ConsentState.OPTED_IN.name()),
                        Filters.lte("current.capturedAt", Date.from(capturedBefore))))
                .sort(Sorts.ascending("current.capturedAt")).limit(limit)) {
            result.add(reconstitute(tenant, doc));
        }
        return result;
    }

    @Override
    public Map<Series, Long> countOptedInCapturedBefore(TenantId tenant, TechnicalId profileId, TechnicalId purposeId,
                                                        Instant capturedBefore) {
        var counts = new HashMap<Series, Long>();
        for (Document group : records.aggregate(List.of(
                Aggregates.match(Filters.and(Filters.eq("tenant", tenant.value()), Filters.eq("key.profileId", profileId.value()),
                        Filters.eq("key.purposeId", purposeId.value()), Filters.eq("current.state", ConsentState.OPTED_IN.name()),
                        Filters.lte("current.capturedAt", Date.from(capturedBefore)))),
                Aggregates.group(new Document("channel", "$key.channel").append("topicId", "$key.topicId"),
                        Accumulators.sum("records", 1))))) {
            Document id = group.get("_id", Document.class);
            String topic = id.getString("topicId");
            counts.put(new Series(tenant, profileId, purposeId, topic == null ? null : new TechnicalId(topic),
                    new Channel(new TechnicalId(id.getString("channel")))), ((Number) group.get("records")).longValue());
        }
        return counts;
    }

    @Override
    public void scanPurpose(TenantId tenant, TechnicalId profileId, TechnicalId purposeId, Channel channel,
                            Consumer<ConsentRecord> each) {
        for (Document doc : records.find(Filters.and(Filters.eq("tenant", tenant.value()), Filters.eq("key.profileId", profileId.value()),
                Filters.eq("key.purposeId", purposeId.value()), Filters.eq("key.channel", channel.toString()))).batchSize(1000)) {
            RecordState state = Documents.state(doc.get("current", Document.class));
            if (state != null) {
                each.accept(reconstitute(tenant, doc));
            }
        }
    }

    @Override
    public List<ConsentRecord> ofContactPoint(TenantId tenant, ContactPoint contactPoint) {
        var result = new ArrayList<ConsentRecord>();
        for (Document doc : records.find(Filters.and(Filters.eq("tenant", tenant.value()),
                Filters.eq("contactPoint", keys.stored(tenant, contactPoint))))) {
            RecordState state = Documents.state(doc.get("current", Document.class));
            if (state != null) {
                RecordKey stored = Documents.recordKey(doc.get("key", Document.class));
                result.add(ConsentRecord.reconstitute(tenant, new RecordKey(stored.profileId(), contactPoint, stored.purposeId(),
                                stored.topicId()), Documents.sealed(doc.get("key", Document.class)), state, doc.getLong("seq"),
                        doc.getString("headHash")));
            }
        }
        result.sort((a, b) -> a.key().value().compareTo(b.key().value()));
        return result;
    }

    @Override
    public int repairProjections(Duration grace) {
        Date before = Date.from(clock.instant().minus(grace));
        int repaired = 0;
        for (Document change : changes.find(Filters.and(Filters.eq("projected", false), Filters.lt("recordedAt", before)))
                .sort(new Document("recordedAt", 1))) {
            project(change);
            repaired++;
        }
        if (repaired > 0) {
            LOG.warn("Re-applied {} consent change(s) whose projection was missing after an interruption", repaired);
        }
        return repaired;
    }

    /**
     * Brings the projection to this change unless it is already at it or further, by a
     * compare-and-set on the projection's seq: first expecting the previous change (where
     * the writer just loaded the record), then whatever is stored. Equality filters on
     * {@code _id} and {@code (_id, seq)} are served by an index on MongoDB and on the embedded
     * server alike, which cannot use an index for {@code seq < n}.
     */
    private void project(Document change) {
        String id = MongoStore.id(change.getString("tenant"), change.getString("recordKey"));
        long seq = change.getLong("seq");
        long expected = seq - 1;
        while (expected < seq && !compareAndSet(id, expected, change)) {
            Document stored = records.find(new Document("_id", id)).projection(new Document("seq", 1)).first();
            expected = stored == null ? 0 : stored.getLong("seq");
        }
        changes.updateOne(new Document("_id", change.getString("_id")), Updates.set("projected", true));
    }

    static Document projection(Document change) {
        return new Document("_id", MongoStore.id(change.getString("tenant"), change.getString("recordKey")))
                .append("tenant", change.getString("tenant"))
                .append("contactPoint", change.getString("contactPoint"))
                .append("key", change.get("key"))
                .append("seq", change.getLong("seq"))
                .append("headHash", change.getString("hash"))
                .append("current", change.get("after"))
                .append("updatedAt", change.getDate("recordedAt"));
    }

    /** @return false when the stored projection is not at {@code expectedSeq} */
    private boolean compareAndSet(String id, long expectedSeq, Document change) {
        Document projection = projection(change);
        try {
            if (expectedSeq == 0) {
                records.insertOne(projection);
                return true;
            }
            return records.replaceOne(new Document("_id", id).append("seq", expectedSeq), projection).getMatchedCount() == 1;
        } catch (MongoException e) {
            if (DuplicateKeys.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /** A record read without its address: its contact point withheld (nothing is decrypted). */
    private static ConsentRecord reconstitute(TenantId tenant, Document projection) {
        Document key = projection.get("key", Document.class);
        return ConsentRecord.reconstitute(tenant, Documents.recordKey(key), Documents.sealed(key),
                Documents.state(projection.get("current", Document.class)), projection.getLong("seq"), projection.getString("headHash"));
    }
}
