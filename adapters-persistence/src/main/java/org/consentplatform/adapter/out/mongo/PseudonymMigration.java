package org.consentplatform.adapter.out.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.consentplatform.domain.consent.ChainMigration;
import org.consentplatform.domain.consent.ChainVerification;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.contact.MinorFlag;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.contactpoint.SealedAddress;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one-off migration of chains written before pseudonyms (canonical form version 1, ADR 37),
 * run at start-up before the service serves. Per tenant:
 * <ol>
 *   <li>a checkpoint is taken first, sealing the version-1 heads; the digest of those heads is
 *   kept in {@code migrations} when the tenant's run starts;</li>
 *   <li>each record whose projection still holds its address has its version-1 chain verified,
 *   then every entry rewritten in place (same id, same content) in version 2, chained anew, with
 *   its former links kept under {@code migratedFrom}; then its projection is filed under the
 *   pseudonym and the old one deleted;</li>
 *   <li>the run ends with a {@link ChainMigration} attestation, then a checkpoint over the new
 *   heads, after which the older checkpoints' heads, which hold addresses, are deleted.</li>
 * </ol>
 * Every step can be repeated: a restart re-reads a half-rewritten record (entries already
 * rewritten are turned back into their version-1 form from {@code migratedFrom} to be verified
 * with the rest) and rewrites the same bytes. A broken chain stops the start: resealing it would
 * launder the break, and leaving it behind would make the record look absent to decisions.
 */
public final class PseudonymMigration {

    private static final Logger LOG = LoggerFactory.getLogger(PseudonymMigration.class);

    private final MongoCollection<Document> changes;
    private final MongoCollection<Document> records;
    private final MongoCollection<Document> migrations;
    private final MongoCollection<Document> checkpointHeads;
    private final MongoCollection<Document> minors;
    private final MongoCollection<Document> subjectKeys;
    private final MongoCollection<Document> contacts;
    private final MongoCollection<Document> confirmations;
    private final MongoCollection<Document> idempotency;
    private final MongoCheckpoints checkpoints;
    private final MongoConsentHistory history;
    private final ContactPointKeys keys;
    private final Clock clock;

    private final MongoStore store;
    /** The {@code migrations} document that says nothing is left to migrate: written once every step found nothing more. */
    static final String DONE = "pseudonyms-done";

    public PseudonymMigration(MongoStore store, ContactPointKeys keys, Clock clock) {
        this.store = store;
        this.changes = store.collection(MongoStore.CHANGES);
        this.records = store.collection(MongoStore.RECORDS);
        this.migrations = store.collection(MongoStore.MIGRATIONS);
        this.checkpointHeads = store.collection(MongoStore.CHECKPOINT_HEADS);
        this.minors = store.collection(MongoStore.MINORS);
        this.subjectKeys = store.collection(MongoStore.SUBJECT_KEYS);
        this.contacts = store.collection(MongoStore.CONTACTS);
        this.confirmations = store.collection(MongoStore.CONFIRMATIONS);
        this.idempotency = store.collection(MongoStore.IDEMPOTENCY);
        this.checkpoints = new MongoCheckpoints(store);
        this.history = new MongoConsentHistory(store, keys);
        this.keys = keys;
        this.clock = clock;
    }

    /** Chains that could not be migrated because they do not verify: the store needs an investigation first. */
    public static final class BrokenChains extends IllegalStateException {
        BrokenChains(List<ChainVerification> breaches) {
            super("the history holds " + breaches.size() + " broken chain(s) written before pseudonyms, left as they were: "
                    + breaches.stream().limit(10).map(b -> b.key().value() + " at seq " + b.seq() + " (" + b.breach() + ")").toList()
                    + "; see docs/operations.md, \"Migrating to pseudonymised contact points\"");
        }
    }

    /**
     * Migrates every tenant that still holds addresses in its chains.
     *
     * @param takeCheckpoints seals every tenant's heads as they are (the service's checkpoint job)
     * @return the attestations of the tenants migrated now
     * @throws BrokenChains when a chain does not verify; the other records are migrated
     */
    public List<ChainMigration> run(Runnable takeCheckpoints) {
        // each step below looks for old documents by a scan: once all is done, a start-up does none of them
        if (migrations.find(Filters.eq("_id", DONE)).first() != null) {
            return List.of();
        }
        List<ChainMigration> attested = migrateAll(takeCheckpoints);
        if (migrations.find(Filters.and(Filters.eq("name", ChainMigration.PSEUDONYMS), Filters.ne("headsRetired", true))).first() == null) {
            migrations.replaceOne(Filters.eq("_id", DONE), new Document("_id", DONE).append("at", Date.from(clock.instant())),
                    new ReplaceOptions().upsert(true));
        }
        return attested;
    }

    private List<ChainMigration> migrateAll(Runnable takeCheckpoints) {
        moveSubjectKeys(); // first: every ciphertext written so far opens with these keys, not with new ones
        moveMinorFlags();
        refileContacts();
        refileConfirmationRequests();
        forgetClearAnswers();
        retireClearHeads();
        List<TenantId> pending = pending();
        if (pending.isEmpty()) {
            return List.of();
        }
        LOG.warn("Migrating the history of {} tenant(s) to pseudonymised contact points (ADR 37)", pending.size());
        takeCheckpoints.run();
        var attested = new ArrayList<ChainMigration>();
        var broken = new ArrayList<ChainVerification>();
        for (TenantId tenant : pending) {
            List<ChainVerification> breaches = migrate(tenant);
            if (breaches.isEmpty()) {
                attested.add(attest(tenant));
            } else {
                broken.addAll(breaches);
            }
        }
        takeCheckpoints.run();
        retireClearHeads();
        if (!broken.isEmpty()) {
            throw new BrokenChains(broken);
        }
        attested.forEach(migration -> LOG.warn("History of tenant {} migrated: {} record(s), {} entries; heads {} became {}",
                migration.tenant(), migration.records(), migration.entries(), migration.headsBefore(), migration.headsAfter()));
        return attested;
    }

    /**
     * Minor flags kept in their own collection (by address, or by pseudonym since ADR 37) move onto
     * their contact points' subject documents, read with the records: a decision is one read.
     */
    private void moveMinorFlags() {
        for (Document minor : minors.find()) {
            TenantId tenant = new TenantId(minor.getString("tenant"));
            var channel = new Channel(new TechnicalId(minor.getString("channel")));
            String id = minor.getString("_id");
            ContactPoint contactPoint = minor.containsKey("address") ? new ContactPoint(channel, minor.getString("address"))
                    : ContactPoint.withheld(channel, ContactPointKeys.pseudonymAtEndOf(id));
            String birthDate = minor.getString("birthDate");
            keys.flagMinor(tenant, new MinorFlag(contactPoint, birthDate == null ? null : LocalDate.parse(birthDate)));
            minors.deleteOne(Filters.eq("_id", id));
        }
    }

    /**
     * Data keys kept in {@code subject_keys} by the first pseudonymised version move beside the
     * records, as subject documents (one read with the records); the first copy written stays.
     */
    private void moveSubjectKeys() {
        for (Document old : subjectKeys.find()) {
            Document subject = new Document("_id", old.getString("_id")).append("channel", old.getString("channel"))
                    .append(ContactPointKeys.DATA_KEY, old.get("key")).append(ContactPointKeys.ADDRESS, old.getString("address"))
                    .append("createdAt", old.getDate("createdAt"));
            DuplicateKeys.firstToWrite(() -> records.insertOne(subject));
            subjectKeys.deleteOne(Filters.eq("_id", old.getString("_id")));
        }
    }

    /** Contacts holding addresses hold their points by pseudonym and ciphertext instead. */
    private void refileContacts() {
        for (Document contact : contacts.find(Filters.exists("contactPoints.address"))) {
            TenantId tenant = new TenantId(contact.getString("tenant"));
            var points = new ArrayList<Document>();
            for (Document point : contact.getList("contactPoints", Document.class)) {
                if (!point.containsKey("address")) {
                    points.add(point);
                    continue;
                }
                SealedAddress sealed = keys.seal(tenant, new ContactPoint(new Channel(new TechnicalId(point.getString("channel"))),
                        point.getString("address")));
                points.add(new Document("channel", point.getString("channel")).append("pseudonym", sealed.pseudonym())
                        .append("ciphertext", sealed.ciphertext()));
            }
            contacts.updateOne(Filters.eq("_id", contact.get("_id")), Updates.set("contactPoints", points));
        }
    }

    /** Double opt-in requests holding addresses hold them by pseudonym, ciphertext and lookup instead. */
    private void refileConfirmationRequests() {
        var requests = new MongoConfirmationRequests(store, keys);
        for (Document request : confirmations.find(Filters.exists("key.address"))) {
            TenantId tenant = new TenantId(request.getString("tenant"));
            RecordKey key = Documents.recordKey(request.get("key", Document.class));
            SealedAddress sealed = keys.seal(tenant, key.contactPoint());
            confirmations.updateOne(Filters.eq("_id", request.get("_id")), Updates.combine(
                    Updates.set("key", Documents.recordKey(key, sealed)),
                    Updates.set("lookup", requests.lookup(key.contactPoint().address())), Updates.unset("address")));
        }
        // what found requests by address; "lookup" does now
        if (confirmations.listIndexes().into(new ArrayList<>()).stream().anyMatch(index -> "address".equals(index.getString("name")))) {
            confirmations.dropIndex("address");
        }
    }

    /**
     * Stored answers of idempotent requests kept in clear are forgotten: which people they name
     * cannot be told apart afterwards. A client retrying such a request within its day has it
     * handled again, which captures tolerate (the same state again changes nothing but the history).
     */
    private void forgetClearAnswers() {
        idempotency.deleteMany(Filters.type("response", org.bson.BsonType.STRING));
    }

    /** Tenants with a record filed by its address. */
    List<TenantId> pending() {
        return records.distinct("tenant", Filters.exists("key.address"), String.class).map(TenantId::new).into(new ArrayList<>());
    }

    private List<ChainVerification> migrate(TenantId tenant) {
        Document run = migrations.find(Filters.and(Filters.eq("tenant", tenant.value()),
                Filters.eq("name", ChainMigration.PSEUDONYMS), Filters.eq("completedAt", null))).first();
        if (run == null) {
            var heads = history.heads(tenant);
            long checkpointBefore = checkpoints.latest(tenant).map(checkpoint -> checkpoint.number()).orElse(0L);
            String id = MongoStore.id(tenant.value(), ChainMigration.PSEUDONYMS + "|" + checkpointBefore);
            migrations.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("tenant", tenant.value())
                    .append("name", ChainMigration.PSEUDONYMS).append("startedAt", Date.from(clock.instant()))
                    .append("checkpointBefore", checkpointBefore).append("recordsBefore", (long) heads.size())
                    .append("headsBefore", ChainMigration.headsDigest(heads)).append("completedAt", null),
                    new ReplaceOptions().upsert(true));
        }
        var breaches = new ArrayList<ChainVerification>();
        for (Document projection : records.find(Filters.and(Filters.eq("tenant", tenant.value()), Filters.exists("key.address")))) {
            ChainVerification verification = migrateRecord(tenant, projection);
            if (!verification.intact()) {
                breaches.add(verification);
            }
        }
        return breaches;
    }

    private ChainVerification migrateRecord(TenantId tenant, Document projection) {
        RecordKey key = Documents.recordKey(projection.get("key", Document.class));
        SealedAddress sealed = keys.seal(tenant, key.contactPoint());
        String storedBefore = key.value();
        String storedAfter = Documents.storedKey(key, sealed);
        List<Document> docs = changes.find(Filters.and(Filters.eq("tenant", tenant.value()),
                Filters.in("recordKey", storedBefore, storedAfter))).sort(Sorts.ascending("seq")).into(new ArrayList<>());
        List<ConsentChange> versionOne = docs.stream().map(doc -> versionOne(doc, key)).toList();
        ChainMigration.Resealed resealed = ChainMigration.reseal(key, versionOne, projection.getLong("seq"),
                projection.getString("headHash"), sealed);
        if (!resealed.verification().intact()) {
            return resealed.verification();
        }
        for (int i = 0; i < docs.size(); i++) {
            Document stored = docs.get(i);
            ConsentChange entry = resealed.entries().get(i);
            if (!entry.hash().equals(stored.getString("hash"))) {
                ConsentChange former = versionOne.get(i);
                Document rewritten = Documents.change(entry)
                        .append("migratedFrom", new Document("previousHash", former.previousHash()).append("hash", former.hash()));
                for (String flag : List.of("projected", "published", "counted", "publishedAt")) {
                    rewritten.put(flag, stored.get(flag));
                }
                changes.replaceOne(Filters.eq("_id", stored.getString("_id")), rewritten);
                docs.set(i, rewritten);
            }
        }
        // filed under the pseudonym first, then the address's projection goes: a restart in between redoes only this
        Document head = MongoConsentRecords.projection(docs.getLast());
        records.replaceOne(Filters.eq("_id", head.getString("_id")), head, new ReplaceOptions().upsert(true));
        records.deleteOne(Filters.eq("_id", projection.getString("_id")));
        return resealed.verification();
    }

    /** The entry as version 1 hashed it: as stored, or, already rewritten, with its address and former links. */
    private static ConsentChange versionOne(Document doc, RecordKey key) {
        ConsentChange stored = Documents.change(doc);
        Document former = doc.get("migratedFrom", Document.class);
        if (former == null) {
            return stored;
        }
        return new ConsentChange(stored.id(), stored.tenant(), key, null, stored.seq(), stored.outcome(), stored.rejection(),
                stored.requestedState(), stored.before(), stored.after(), stored.capturedAt(), stored.recordedAt(), stored.source(),
                stored.actor(), stored.evidence(), stored.correlationId(), former.getString("previousHash"), former.getString("hash"));
    }

    private ChainMigration attest(TenantId tenant) {
        Document run = migrations.find(Filters.and(Filters.eq("tenant", tenant.value()),
                Filters.eq("name", ChainMigration.PSEUDONYMS), Filters.eq("completedAt", null))).first();
        long entries = changes.countDocuments(Filters.and(Filters.eq("tenant", tenant.value()), Filters.exists("migratedFrom")));
        ChainMigration migration = ChainMigration.attest(tenant, ChainMigration.PSEUDONYMS, clock.instant(),
                run.getLong("checkpointBefore"), entries, run.getString("headsBefore"), run.getLong("recordsBefore"),
                history.heads(tenant));
        migrations.updateOne(Filters.eq("_id", run.getString("_id")), Updates.combine(
                Updates.set("completedAt", Date.from(migration.completedAt())), Updates.set("records", migration.records()),
                Updates.set("entries", migration.entries()), Updates.set("headsAfter", migration.headsAfter()),
                Updates.set("hash", migration.hash())));
        return migration;
    }

    /**
     * Once a checkpoint seals a migrated tenant's new heads, the heads the checkpoints before it
     * sealed, which name addresses, are deleted (verification reads the latest checkpoint's only).
     * Retried at every start until the checkpoint is there.
     */
    private void retireClearHeads() {
        for (Document run : migrations.find(Filters.and(Filters.eq("name", ChainMigration.PSEUDONYMS),
                Filters.ne("completedAt", null), Filters.ne("headsRetired", true)))) {
            String tenant = run.getString("tenant");
            var latest = checkpoints.latest(new TenantId(tenant));
            if (latest.isEmpty() || latest.get().number() <= run.getLong("checkpointBefore")) {
                continue;
            }
            String latestId = MongoStore.id(tenant, Long.toString(latest.get().number()));
            for (Document chunk : checkpointHeads.find(Filters.regex("checkpoint", "^" + Pattern.quote(tenant + "|")))
                    .projection(new Document("checkpoint", 1))) {
                if (!chunk.getString("checkpoint").equals(latestId)) {
                    checkpointHeads.deleteOne(Filters.eq("_id", chunk.get("_id")));
                }
            }
            migrations.updateOne(Filters.eq("_id", run.get("_id")), Updates.set("headsRetired", true));
        }
    }
}
