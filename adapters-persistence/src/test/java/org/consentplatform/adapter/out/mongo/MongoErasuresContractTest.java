package org.consentplatform.adapter.out.mongo;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.consentplatform.application.port.out.Erasures;
import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentRecord;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.consent.Suppression;
import org.consentplatform.domain.contact.Contact;
import org.consentplatform.domain.contact.EntityType;
import org.consentplatform.domain.contact.LegacyFlags;
import org.consentplatform.domain.contact.MinorFlag;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.contactpoint.SealedAddress;
import org.consentplatform.domain.doubleoptin.ConfirmationRequest;
import org.consentplatform.domain.doubleoptin.ConfirmationToken;
import org.consentplatform.domain.privacy.Erasure;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.load.ImportRules;
import org.consentplatform.domain.shared.Violation;
import org.consentplatform.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Erasure against the wire protocol (ADR 39): the one-write shred, its race with captures, and every trace found by pseudonym. */
class MongoErasuresContractTest extends MongoWireServer {

    private static final TenantId ACME = new TenantId("acme");
    private static final ContactPoint ANN = new ContactPoint(Channel.EMAIL, "ann@example.com");
    private static final ContactPoint BOB = new ContactPoint(Channel.EMAIL, "bob@example.com");
    private static final RecordKey ANN_NEWS = RecordKey.ofPurpose(new TechnicalId("retail"), ANN, new TechnicalId("news"));
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Suppression ERASED = new Suppression("e-1", NOW, "GDPR Art. 17(1)(b)");

    @Test
    void suppressingDestroysTheKeySoNoCopyOfTheAddressOpensAndTheRecordReadsSuppressed() {
        var records = new MongoConsentRecords(store, keys, Clock.systemUTC());
        ConsentChange optIn = optIn(records, ANN_NEWS, "c1");
        new MongoContacts(store, keys).save(new Contact(ACME, new TechnicalId("c-ann"), EntityType.CONTACT, LegacyFlags.NONE,
                List.of(ANN)));
        new MongoContacts(store, keys).saveMinorFlag(ACME, new MinorFlag(ANN, LocalDate.parse("2012-05-01")));
        assertThat(keys.addresses(ACME, List.of(optIn.sealed()))).containsValue("ann@example.com");

        erasures().suppress(ACME, ANN, ERASED);

        assertThat(new MongoContacts(store, keys).minorFlags(ACME, List.of(ANN))).as("the birth date goes with the key").isEmpty();

        assertThat(keys.addresses(ACME, List.of(optIn.sealed()))).as("the change log's ciphertext").isEmpty();
        assertThat(new MongoContacts(store, keys).find(ACME, new TechnicalId("c-ann")).orElseThrow().contactPoints())
                .as("the contact's ciphertext").allMatch(ContactPoint::isWithheld);
        ConsentRecord loaded = records.load(ACME, ANN_NEWS);
        assertThat(loaded.suppression()).contains(ERASED);
        assertThat(loaded.sealed()).as("what it records next holds no address").isEqualTo(
                SealedAddress.withoutAddress(optIn.sealed().pseudonym()));
        assertThat(records.current(ACME, List.of(ANN_NEWS)).suppressions()).containsEntry(ANN, ERASED);
        assertThat(erasures().suppressions(ACME, List.of(ANN, BOB))).containsOnlyKeys(ANN);
        assertThat(keys.seal(ACME, ANN)).as("no key is made behind the suppression's back").isEqualTo(loaded.sealed());
    }

    @Test
    void capturesRacingWithAnErasureNeverLeaveAKeyBehind() throws Exception {
        for (int round = 0; round < 10; round++) {
            var person = new ContactPoint(Channel.EMAIL, "racer-" + round + "@example.com");
            if (round % 2 == 1) { // a subject holding a minor flag alone: the key is added to it rather than inserted
                new MongoContacts(store, keys).saveMinorFlag(ACME, new MinorFlag(person, null));
            }
            var instances = List.of(keys(anotherInstance()), keys(anotherInstance()), keys(anotherInstance()));
            List<Future<?>> racing = new ArrayList<>();
            try (var pool = Executors.newFixedThreadPool(4)) {
                for (ContactPointKeys instance : instances) {
                    racing.add(pool.submit((Callable<SealedAddress>) () -> instance.seal(ACME, person)));
                }
                racing.add(pool.submit(() -> erasures().suppress(ACME, person, ERASED)));
                for (Future<?> future : racing) {
                    future.get();
                }
            }
            Document subject = store.collection(MongoStore.RECORDS).find(Filters.eq("_id", keys.subjectId(ACME, person))).first();
            assertThat(subject).as("round " + round).isNotNull();
            assertThat(subject.containsKey(ContactPointKeys.DATA_KEY)).as("round " + round + ": no readable key survives").isFalse();
            assertThat(ContactPointKeys.suppression(subject)).isEqualTo(ERASED);
        }
    }

    @Test
    void thePersonsOptInReadmitsTheAddressAndLiftsOnlyTheSuppressionItRead() {
        Erasures erasures = erasures();
        var records = new MongoConsentRecords(store, keys, Clock.systemUTC());
        ConsentChange before = optIn(records, ANN_NEWS, "c1");
        Erasure erasure = erasure("e-1", ANN);
        erasures.begin(erasure);
        erasures.suppress(ACME, ANN, ERASED);

        erasures.readmit(ACME, ANN);
        ConsentRecord readmitted = records.load(ACME, ANN_NEWS);
        assertThat(readmitted.suppression()).as("it stands until the opt-in is applied").contains(ERASED);
        assertThat(keys.addresses(ACME, List.of(readmitted.sealed()))).containsValue("ann@example.com");
        assertThat(keys.addresses(ACME, List.of(before.sealed()))).as("the old ciphertext stays closed").isEmpty();

        assertThat(erasures.lift(ACME, ANN, new Suppression("e-2", NOW, "another"), lift("c2"))).as("not the one standing").isFalse();
        assertThat(erasures.lift(ACME, ANN, ERASED, lift("c2"))).isTrue();
        assertThat(erasures.lift(ACME, ANN, ERASED, lift("c2"))).as("lifted once").isFalse();
        assertThat(records.load(ACME, ANN_NEWS).suppression()).isEmpty();
        assertThat(erasures.find(ACME, "e-1").orElseThrow().lifts()).singleElement().satisfies(lift -> {
            assertThat(lift.changeId()).isEqualTo("c2");
            assertThat(lift.contactPoint().pseudonym()).isEqualTo(keys.pseudonym(ACME, ANN));
        });
    }

    @Test
    void aRequestKeepsTheAddressesItsEventsNeedOnlyUntilTheyAreAnnouncedAndForgetsContactIdsWhenDone() {
        Erasures erasures = erasures();
        Erasure erasure = erasure("e-1", ANN);
        erasures.begin(erasure);
        assertThat(store.collection(MongoStore.ERASURES).find().first().toJson()).doesNotContain("ann@example.com");

        assertThat(erasures.unannounced(NOW.plusSeconds(1))).singleElement()
                .satisfies(pending -> assertThat(pending.contactPoints()).containsExactly(ANN));
        erasures.announced(ACME, "e-1");
        assertThat(erasures.unannounced(NOW.plusSeconds(1))).isEmpty();
        assertThat(store.collection(MongoStore.ERASURES).find().first().containsKey("toAnnounce")).isFalse();

        assertThat(erasures.unfinished(NOW.plusSeconds(1))).singleElement().satisfies(unfinished -> {
            assertThat(unfinished.contactPoints()).singleElement().satisfies(point -> assertThat(point.isWithheld()).isTrue());
            assertThat(unfinished.contactIds()).containsExactly(new TechnicalId("c-ann"));
        });
        erasures.complete(erasure.completed(new Erasure.Destroyed(2, 1, 0, 0, 0, 0, NOW)));
        Erasure done = erasures.find(ACME, "e-1").orElseThrow();
        assertThat(done.done()).isTrue();
        assertThat(done.announced()).isTrue();
        assertThat(done.contactIds()).isEmpty();
        assertThat(done.destroyed().records()).isEqualTo(2);
        assertThat(erasures.unfinished(NOW.plusSeconds(1))).isEmpty();
        assertThat(erasures.latest(ACME, 10)).extracting(Erasure::id).containsExactly("e-1");
        assertThat(erasures.latest(new TenantId("globex"), 10)).isEmpty();
    }

    @Test
    void everyTraceThatNamesThePersonIsFoundByPseudonymAndDeletedAndNothingElse() {
        var contacts = new MongoContacts(store, keys);
        contacts.save(new Contact(ACME, new TechnicalId("c-ann"), EntityType.CONTACT, LegacyFlags.NONE, List.of(ANN)));
        contacts.save(new Contact(ACME, new TechnicalId("c-both"), EntityType.CONTACT, LegacyFlags.NONE, List.of(BOB, ANN)));
        contacts.save(new Contact(ACME, new TechnicalId("c-bob"), EntityType.CONTACT, LegacyFlags.NONE, List.of(BOB)));
        var requests = new MongoConfirmationRequests(store, keys);
        requests.add(request(ANN));
        requests.add(request(BOB));
        var idempotency = new MongoIdempotencyRecords(store, keys);
        idempotency.claim(ACME, "k-ann", "fp", NOW);
        idempotency.complete(ACME, "k-ann", "{}", List.of(ANN));
        idempotency.claim(ACME, "k-bob", "fp", NOW);
        idempotency.complete(ACME, "k-bob", "{}", List.of(BOB));
        var quota = new MongoMailQuota(store, keys, new MongoMailQuota.Limit(3, Duration.ofHours(1)),
                new MongoMailQuota.Limit(1000, Duration.ofHours(1)), Clock.systemUTC());
        quota.take(ACME, "Ann@Example.com");
        quota.take(ACME, "bob@example.com");
        var errors = new MongoImportErrors(store, keys, Clock.systemUTC());
        errors.addAll(ACME, "job-1", List.of(new ImportRules.Rejected(2, List.of(new Violation("purposeId", "unknown")), Set.of(ANN)),
                new ImportRules.Rejected(3, List.of(new Violation("purposeId", "unknown")), Set.of(BOB))));

        Erasures.Traces traces = erasures().eraseTraces(ACME, List.of(ANN), List.of(new TechnicalId("c-bob")));

        assertThat(traces).isEqualTo(new Erasures.Traces(3, 1, 1, 1, 1));
        assertThat(store.collection(MongoStore.CONTACTS).countDocuments()).isZero();
        assertThat(requests.of(ACME, ANN)).isEmpty();
        assertThat(requests.of(ACME, BOB)).hasSize(1);
        assertThat(idempotency.find(ACME, "k-ann")).isEmpty();
        assertThat(idempotency.find(ACME, "k-bob")).isPresent();
        assertThat(store.collection(MongoStore.RATE_LIMITS).countDocuments(Filters.regex("_id", "^mail-address"))).isEqualTo(1);
        var lines = new ArrayList<Long>();
        errors.forEach("job-1", error -> lines.add(error.line()));
        assertThat(lines).containsExactly(3L);
    }

    private Erasures erasures() {
        return new MongoErasures(store, keys);
    }

    private ConsentChange optIn(MongoConsentRecords records, RecordKey key, String id) {
        var capture = new ConsentCapture(key, ConsentState.OPTED_IN, NOW.minusSeconds(3600), Source.API, new Actor("crm"), Evidence.NONE,
                "corr");
        ConsentChange change = records.load(ACME, key).capture(capture, false, id, NOW.minusSeconds(3600));
        assertThat(records.append(change)).isTrue();
        return change;
    }

    private static Erasure erasure(String id, ContactPoint point) {
        return Erasure.requested(id, ACME, NOW, new Actor("dpo", "privacy-desk"), "GDPR Art. 17(1)(b)", "DSR-1", List.of(point),
                List.of(new TechnicalId("c-ann")));
    }

    private static Erasure.Lift lift(String changeId) {
        return new Erasure.Lift(ANN, NOW.plusSeconds(60), changeId, Source.FORM);
    }

    private static ConfirmationRequest request(ContactPoint point) {
        return ConfirmationRequest.open(ConfirmationToken.issue(), ACME, RecordKey.ofPurpose(new TechnicalId("retail"), point,
                new TechnicalId("news")), 1, "v1", "en", NOW, Duration.ofHours(48));
    }
}
