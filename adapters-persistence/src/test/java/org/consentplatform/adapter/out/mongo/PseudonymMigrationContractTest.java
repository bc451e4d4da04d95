package org.consentplatform.adapter.out.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.consent.ChainMigration;
import org.consentplatform.domain.consent.ChainVerification;
import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentRecord;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.consent.StreamHead;
import org.consentplatform.domain.consent.TenantCheckpoint;
import org.consentplatform.domain.consent.VersionOneEntries;
import org.consentplatform.domain.contact.MinorFlag;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.contactpoint.SealedAddress;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A store written by the code before pseudonyms, migrated, then verified (ADR 37). */
class PseudonymMigrationContractTest extends MongoWireServer {

    private static final TenantId ACME = new TenantId("acme");
    private static final Instant T0 = Instant.parse("2026-10-01T08:00:00Z");
    private static final RecordKey ANN = RecordKey.ofPurpose(new TechnicalId("retail"),
            new ContactPoint(Channel.EMAIL, "ann@example.com"), new TechnicalId("commercial"));
    private static final RecordKey BOB = RecordKey.ofPurpose(new TechnicalId("retail"),
            new ContactPoint(Channel.SMS, "+33612345678"), new TechnicalId("commercial"));

    private MongoConsentHistory history;
    private MongoCheckpoints checkpoints;
    private PseudonymMigration migration;
    private List<ConsentChange> annBefore;

    @BeforeEach
    void writtenByTheCodeBeforePseudonyms() {
        history = new MongoConsentHistory(store, keys);
        checkpoints = new MongoCheckpoints(store);
        migration = new PseudonymMigration(store, keys, Clock.systemUTC());
        annBefore = VersionOneEntries.chain(ACME, ANN, "ann-", 3, T0);
        storeAsVersionOne(annBefore);
        storeAsVersionOne(VersionOneEntries.chain(ACME, BOB, "bob-", 2, T0));
        store.collection(MongoStore.CHANGES).updateMany(Filters.eq("tenant", "acme"), Updates.set("published", true));
        store.collection(MongoStore.CHANGES).updateOne(Filters.eq("_id", "ann-3"), Updates.set("published", false));
    }

    @Test
    void everyChainIsRewrittenWithoutAddressesAndVerifiesAfterwards() {
        List<ChainMigration> attested = migration.run(this::takeCheckpoints);

        assertThat(verify(ANN)).satisfies(result -> {
            assertThat(result.intact()).isTrue();
            assertThat(result.checked()).isEqualTo(3);
        });
        assertThat(verify(BOB).intact()).isTrue();
        assertThat(dump()).doesNotContain("ann@example.com").doesNotContain("+33612345678");
        List<ConsentChange> annAfter = history.stream(ACME, ANN);
        assertThat(annAfter).extracting(ConsentChange::id).containsExactly("ann-1", "ann-2", "ann-3");
        assertThat(annAfter).extracting(ConsentChange::after).isEqualTo(annBefore.stream().map(ConsentChange::after).toList());
        assertThat(annAfter.getFirst().key()).as("read back by its address, as callers know it").isEqualTo(ANN);
        Document rewritten = store.collection(MongoStore.CHANGES).find(Filters.eq("_id", "ann-3")).first();
        assertThat(rewritten.get("migratedFrom", Document.class).getString("hash")).isEqualTo(annBefore.getLast().hash());
        assertThat(rewritten.getBoolean("published")).as("the relay still publishes what it had not").isFalse();
        assertThat(store.collection(MongoStore.CHANGES).find(Filters.eq("_id", "ann-2")).first().getBoolean("published")).isTrue();

        TenantCheckpoint sealedBefore = checkpointNumber(1);
        TenantCheckpoint latest = checkpoints.latest(ACME).orElseThrow();
        assertThat(attested).singleElement().satisfies(attestation -> {
            assertThat(attestation.intact()).isTrue();
            assertThat(attestation.records()).isEqualTo(2);
            assertThat(attestation.entries()).isEqualTo(5);
            assertThat(attestation.checkpointBefore()).isEqualTo(1);
            assertThat(attestation.headsBefore()).as("the heads the last checkpoint before sealed").isEqualTo(sealedBefore.headsDigest());
            assertThat(attestation.headsAfter()).as("the heads the next checkpoint seals").isEqualTo(latest.headsDigest());
        });
        assertThat(latest.number()).isEqualTo(2);
        List<StreamHead> heads = checkpoints.heads(latest);
        assertThat(latest.seals(heads)).isTrue();
        var breaches = new ArrayList<ChainVerification>();
        latest.checkChains(heads, (key, seq) -> history.hashAt(ACME, key, seq), breaches::add);
        assertThat(breaches).isEmpty();
        assertThat(checkpoints.heads(sealedBefore)).as("the old heads named addresses").isEmpty();
    }

    @Test
    void aMigratedRecordTakesNewEntriesOnItsChainAndARerunChangesNothing() {
        migration.run(this::takeCheckpoints);
        var records = new MongoConsentRecords(store, keys, Clock.systemUTC());

        ConsentRecord ann = records.load(ACME, ANN);
        assertThat(ann.seq()).isEqualTo(3);
        assertThat(ann.state()).isEqualTo(ConsentState.OPTED_IN);
        ConsentChange next = ann.capture(new ConsentCapture(ANN, ConsentState.OPTED_OUT, T0.plusSeconds(3600), Source.API,
                new Actor("crm"), Evidence.NONE, "corr-4"), false, "ann-4", T0.plusSeconds(3600));
        assertThat(records.append(next)).isTrue();
        String hashes = hashes();

        assertThat(migration.run(this::takeCheckpoints)).isEmpty();

        assertThat(hashes()).isEqualTo(hashes);
        assertThat(verify(ANN).checked()).isEqualTo(4);
        assertThat(verify(ANN).intact()).isTrue();
    }

    @Test
    void aMigrationInterruptedHalfWayThroughARecordEndsTheSameWhenRunAgain() {
        Document annProjection = store.collection(MongoStore.RECORDS).find(Filters.eq("_id", "acme|" + ANN.value())).first();
        Document firstEntry = store.collection(MongoStore.CHANGES).find(Filters.eq("_id", "ann-1")).first();
        migration.run(this::takeCheckpoints);
        String migrated = hashes();
        // as a crash left it: ann's first entry not rewritten yet, its projection still filed by address, the run not ended
        store.collection(MongoStore.CHANGES).replaceOne(Filters.eq("_id", "ann-1"), firstEntry);
        store.collection(MongoStore.RECORDS).insertOne(annProjection);
        store.collection(MongoStore.MIGRATIONS).updateMany(Filters.eq("tenant", "acme"), Updates.set("completedAt", null));
        store.collection(MongoStore.MIGRATIONS).deleteOne(Filters.eq("_id", PseudonymMigration.DONE)); // written only at the end

        List<ChainMigration> attested = migration.run(this::takeCheckpoints);

        assertThat(hashes()).isEqualTo(migrated);
        assertThat(store.collection(MongoStore.RECORDS).countDocuments(Filters.exists("key"))).as("records, beside their subjects").isEqualTo(2);
        assertThat(verify(ANN).intact()).isTrue();
        assertThat(attested).singleElement().satisfies(attestation -> {
            assertThat(attestation.entries()).isEqualTo(5);
            assertThat(attestation.headsBefore()).as("kept from when the run started").isEqualTo(checkpointNumber(1).headsDigest());
        });
    }

    @Test
    void aStoreMigratedToTheEndIsNotSearchedForOldDocumentsAgain() {
        migration.run(this::takeCheckpoints);
        assertThat(store.collection(MongoStore.MIGRATIONS).find(Filters.eq("_id", PseudonymMigration.DONE)).first()).isNotNull();
        // what only a version before pseudonyms wrote: a later start no longer scans for it
        store.collection(MongoStore.MINORS).insertOne(new Document("_id", "acme|EMAIL|late@example.com").append("tenant", "acme")
                .append("channel", "EMAIL").append("address", "late@example.com"));

        assertThat(migration.run(this::takeCheckpoints)).isEmpty();
        assertThat(store.collection(MongoStore.MINORS).countDocuments()).isEqualTo(1);
    }

    @Test
    void aBrokenChainStopsTheStartAndIsLeftAsItWasWhileTheOthersMigrate() {
        store.collection(MongoStore.CHANGES).updateOne(Filters.eq("_id", "bob-1"), Updates.set("after.state", "OPTED_OUT"));

        assertThatThrownBy(() -> migration.run(this::takeCheckpoints)).isInstanceOf(PseudonymMigration.BrokenChains.class)
                .hasMessageContaining(BOB.value()).hasMessageContaining("CONTENT_CHANGED");

        assertThat(store.collection(MongoStore.RECORDS).find(Filters.eq("_id", "acme|" + BOB.value())).first())
                .as("bob's record is still filed by its address").isNotNull();
        assertThat(store.collection(MongoStore.CHANGES).find(Filters.eq("_id", "bob-2")).first().get("migratedFrom")).isNull();
        assertThat(store.collection(MongoStore.CHANGES).find(Filters.eq("_id", "ann-1")).first().get("migratedFrom")).isNotNull();
        assertThat(migration.pending()).containsExactly(ACME);
    }

    @Test
    void minorFlagsFiledByAddressOrByPseudonymMoveOntoTheSubjectDocuments() {
        var ann = new ContactPoint(Channel.EMAIL, "ann@example.com");
        var bob = new ContactPoint(Channel.EMAIL, "bob@example.com");
        SealedAddress bobSealed = keys.seal(ACME, bob);
        store.collection(MongoStore.MINORS).insertOne(new Document("_id", "acme|" + ann.key()).append("tenant", "acme")
                .append("channel", "EMAIL").append("address", "ann@example.com").append("birthDate", "2012-05-01"));
        store.collection(MongoStore.MINORS).insertOne(new Document("_id", "acme|" + keys.stored(ACME, bob)).append("tenant", "acme")
                .append("channel", "EMAIL").append("birthDate", null));

        migration.run(this::takeCheckpoints);
        migration.run(this::takeCheckpoints); // a second start finds nothing left to move

        assertThat(new MongoContacts(store, keys).minorFlags(ACME, List.of(ann, bob))).containsOnlyKeys(ann, bob)
                .containsEntry(ann, new MinorFlag(ann, LocalDate.parse("2012-05-01"))).containsEntry(bob, new MinorFlag(bob, null));
        assertThat(keys.addresses(ACME, List.of(bobSealed))).as("bob's data key stays beside his flag").containsValue("bob@example.com");
        assertThat(store.collection(MongoStore.MINORS).countDocuments()).isZero();
        assertThat(dump()).doesNotContain("ann@example.com");
    }

    @Test
    void contactsConfirmationRequestsAndKeysOfEarlierVersionsAreRefiledAndClearAnswersForgotten() {
        var carl = new ContactPoint(Channel.EMAIL, "carl@example.com");
        // the first pseudonymised version kept data keys in subject_keys: an address it sealed must open after the move
        SealedAddress sealedBefore = keys.seal(ACME, carl);
        Document subject = store.collection(MongoStore.RECORDS).findOneAndDelete(Filters.eq("_id", keys.subjectId(ACME, carl)));
        store.collection(MongoStore.SUBJECT_KEYS).insertOne(new Document("_id", subject.getString("_id")).append("tenant", "acme")
                .append("channel", "EMAIL").append("key", subject.get(ContactPointKeys.DATA_KEY))
                .append("address", subject.getString(ContactPointKeys.ADDRESS)).append("createdAt", subject.getDate("createdAt")));
        store.collection(MongoStore.CONTACTS).insertOne(new Document("_id", "acme|c-1").append("tenant", "acme")
                .append("contactId", "c-1").append("type", "CONTACT")
                .append("flags", new Document("doNotEmail", false).append("doNotBulkEmail", false).append("doNotTrack", false))
                .append("contactPoints", List.of(new Document("channel", "EMAIL").append("address", "carl@example.com"))));
        store.collection(MongoStore.CONFIRMATIONS).insertOne(new Document("_id", "token-hash").append("tenant", "acme")
                .append("key", clearKey(RecordKey.ofPurpose(new TechnicalId("retail"), carl, new TechnicalId("news"))))
                .append("pendingSeq", 1L).append("address", "carl@example.com").append("wordingVersion", null).append("language", "en")
                .append("requestedAt", java.util.Date.from(T0)).append("expiresAt", java.util.Date.from(T0.plusSeconds(3600)))
                .append("confirmedAt", null));
        store.collection(MongoStore.IDEMPOTENCY).insertOne(new Document("_id", "acme|crm:k-1").append("fingerprint", "fp")
                .append("response", "{\"body\":\"carl@example.com\"}").append("claimedAt", java.util.Date.from(T0)));

        migration.run(this::takeCheckpoints);

        assertThat(dump()).doesNotContain("carl@example.com");
        assertThat(store.collection(MongoStore.SUBJECT_KEYS).countDocuments()).isZero();
        assertThat(keys.addresses(ACME, List.of(sealedBefore))).as("the moved key opens what it sealed").containsValue("carl@example.com");
        assertThat(new MongoContacts(store, keys).find(ACME, new TechnicalId("c-1")).orElseThrow().contactPoints()).containsExactly(carl);
        var requests = new MongoConfirmationRequests(store, keys);
        assertThat(requests.unconfirmedFor("carl@example.com", 5)).singleElement()
                .satisfies(request -> assertThat(request.key().contactPoint()).isEqualTo(carl));
        assertThat(store.collection(MongoStore.IDEMPOTENCY).countDocuments()).as("which people a clear answer named cannot be told").isZero();
    }

    /** A key with its address, as version 1 stored it. */
    static Document clearKey(RecordKey key) {
        return new Document("profileId", key.profileId().value())
                .append("channel", key.contactPoint().channel().toString())
                .append("address", key.contactPoint().address())
                .append("purposeId", key.purposeId().value())
                .append("topicId", key.topicId() == null ? null : key.topicId().value());
    }

    /** The entries as that code stored them: record key, contact point and key by address, projection by address. */
    private void storeAsVersionOne(List<ConsentChange> chain) {
        for (ConsentChange entry : chain) {
            Document doc = Documents.change(entry.resealed(new SealedAddress("unused", "unused"), entry.previousHash()));
            doc.put("recordKey", entry.key().value());
            doc.put("contactPoint", entry.key().contactPoint().key());
            doc.put("key", clearKey(entry.key()));
            doc.put("hash", entry.hash());
            doc.put("projected", true);
            store.collection(MongoStore.CHANGES).insertOne(doc);
        }
        Document projection = MongoConsentRecords.projection(store.collection(MongoStore.CHANGES)
                .find(Filters.eq("_id", chain.getLast().id())).first());
        store.collection(MongoStore.RECORDS).insertOne(projection);
    }

    /** The service's checkpoint job, reduced to what it stores: a checkpoint only when the heads moved. */
    private void takeCheckpoints() {
        List<StreamHead> heads = history.heads(ACME);
        TenantCheckpoint previous = checkpoints.latest(ACME).orElse(null);
        TenantCheckpoint next = TenantCheckpoint.seal(ACME, previous, heads, Instant.now());
        if (previous == null || !previous.headsDigest().equals(next.headsDigest())) {
            checkpoints.add(next, heads);
        }
    }

    private TenantCheckpoint checkpointNumber(long number) {
        Document doc = store.collection(MongoStore.CHECKPOINTS).find(Filters.eq("_id", "acme|" + number)).first();
        return new TenantCheckpoint(ACME, number, doc.getDate("takenAt").toInstant(), doc.getLong("streams"),
                doc.getString("headsDigest"), doc.getString("previousHash"), doc.getString("hash"));
    }

    private ChainVerification verify(RecordKey key) {
        var head = history.head(ACME, key);
        return ChainVerification.verify(key, history.stream(ACME, key), head.seq(), head.hash());
    }

    private String hashes() {
        var all = new StringBuilder();
        store.collection(MongoStore.CHANGES).find().sort(new Document("_id", 1))
                .forEach(doc -> all.append(doc.getString("_id")).append('=').append(doc.getString("hash")).append('\n'));
        return all.toString();
    }

    private String dump() {
        var all = new StringBuilder();
        for (String collection : List.of(MongoStore.CHANGES, MongoStore.RECORDS, MongoStore.CHECKPOINT_HEADS, MongoStore.MIGRATIONS,
                MongoStore.MINORS, MongoStore.CONTACTS, MongoStore.CONFIRMATIONS, MongoStore.IDEMPOTENCY, MongoStore.SUBJECT_KEYS)) {
            store.collection(collection).find().forEach(doc -> all.append(doc.toJson()).append('\n'));
        }
        return all.toString();
    }
}
