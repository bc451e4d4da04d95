package org.consentplatform.adapter.out.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.consent.Suppression;
import org.consentplatform.domain.contact.MinorFlag;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.contactpoint.SealedAddress;
import org.consentplatform.domain.doubleoptin.ConfirmationRequest;
import org.consentplatform.domain.doubleoptin.ConfirmationToken;
import org.consentplatform.domain.load.ImportSpec;
import org.consentplatform.domain.privacy.Erasure;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.load.ImportRules;
import org.consentplatform.domain.shared.Violation;
import org.consentplatform.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What retention deletes, by date, against the wire protocol (ADR 40); and nothing younger. */
class MongoRetentionContractTest extends MongoWireServer {

    private static final TenantId ACME = new TenantId("acme");
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final ContactPoint ANN = new ContactPoint(Channel.EMAIL, "ann@example.com");
    private static final ContactPoint BOB = new ContactPoint(Channel.EMAIL, "bob@example.com");
    private static final ContactPoint EVE = new ContactPoint(Channel.EMAIL, "eve@example.com");
    private static final ContactPoint ZOE = new ContactPoint(Channel.EMAIL, "zoe@example.com");

    @Test
    void filesAndErrorLinesGoAfterTheirRetentionAndYoungerOnesStay() {
        var files = new GridFsImportFiles(store, keys.keyring(), 1_000_000, 1000);
        files.store(ACME, "old-job", "old.csv", new ByteArrayInputStream("a\n".getBytes(StandardCharsets.UTF_8)));
        store.collection(MongoStore.IMPORT_FILES + ".files").updateMany(Filters.eq("filename", "old-job"),
                Updates.set("uploadDate", Date.from(NOW.minus(Duration.ofDays(31)))));
        files.store(ACME, "new-job", "new.csv", new ByteArrayInputStream("a\n".getBytes(StandardCharsets.UTF_8)));
        new MongoImportErrors(store, keys, Clock.fixed(NOW.minus(Duration.ofDays(31)), ZoneOffset.UTC))
                .addAll(ACME, "old-job", List.of(new ImportRules.Rejected(2, List.of(new Violation("address", "is required")), Set.of())));
        new MongoImportErrors(store, keys, Clock.fixed(NOW, ZoneOffset.UTC))
                .addAll(ACME, "new-job", List.of(new ImportRules.Rejected(2, List.of(new Violation("address", "is required")), Set.of())));

        var retention = new MongoRetention(store);

        assertThat(retention.purgeImportFiles(NOW.minus(Duration.ofDays(30)))).isEqualTo(1);
        assertThat(retention.purgeImportErrors(NOW.minus(Duration.ofDays(30)))).isEqualTo(1);
        assertThat(store.collection(MongoStore.IMPORT_FILES + ".files").countDocuments()).isEqualTo(1);
        assertThat(store.collection(MongoStore.IMPORT_FILES + ".chunks").countDocuments()).as("the old file's chunks too").isEqualTo(1);
        assertThat(files.open(ACME, "new-job", ImportSpec.Format.NDJSON, 1).hasNext()).isTrue();
        assertThat(store.collection(MongoStore.IMPORT_ERRORS).countDocuments()).isEqualTo(1);
    }

    @Test
    void idempotentAnswersSpentConfirmationRequestsAndFullQuotasGo() {
        var idempotency = new MongoIdempotencyRecords(store, keys);
        idempotency.claim(ACME, "old", "fp", NOW.minus(Duration.ofHours(25)));
        idempotency.claim(ACME, "new", "fp", NOW.minus(Duration.ofHours(1)));
        var requests = new MongoConfirmationRequests(store, keys);
        ConfirmationRequest confirmedLongAgo = request(ANN, NOW.minus(Duration.ofDays(40)));
        requests.add(confirmedLongAgo);
        requests.markConfirmed(confirmedLongAgo.tokenHash(), NOW.minus(Duration.ofDays(39)));
        requests.add(request(BOB, NOW.minus(Duration.ofDays(40)))); // expired 38 days ago, never confirmed
        requests.add(request(EVE, NOW.minus(Duration.ofDays(1)))); // still open
        store.collection(MongoStore.RATE_LIMITS).insertOne(new org.bson.Document("_id", "full").append("expiresAt",
                Date.from(NOW.minusSeconds(1))));
        store.collection(MongoStore.RATE_LIMITS).insertOne(new org.bson.Document("_id", "in-use").append("expiresAt",
                Date.from(NOW.plusSeconds(60))));

        var retention = new MongoRetention(store);

        assertThat(retention.purgeIdempotencyKeys(NOW.minus(Duration.ofHours(24)))).isEqualTo(1);
        assertThat(idempotency.find(ACME, "new")).isPresent();
        assertThat(retention.purgeSpentConfirmationRequests(NOW.minus(Duration.ofDays(30)))).isEqualTo(2);
        assertThat(requests.of(ACME, EVE)).hasSize(1);
        assertThat(retention.purgeMailQuotas(NOW)).isEqualTo(1);
        assertThat(store.collection(MongoStore.RATE_LIMITS).countDocuments()).isEqualTo(1);
    }

    @Test
    void theAddressOfAnInactiveContactPointIsRetiredAndItsChainAndStateStay() {
        var records = new MongoConsentRecords(store, keys, Clock.systemUTC());
        ConsentChange annLongAgo = optIn(records, ANN, NOW.minus(Duration.ofDays(4 * 365)));
        ConsentChange bobRecently = optIn(records, BOB, NOW.minus(Duration.ofDays(10)));
        optIn(records, EVE, NOW.minus(Duration.ofDays(4 * 365)));
        new MongoErasures(store, keys).suppress(ACME, EVE, new Suppression("e-1", NOW.minus(Duration.ofDays(100)), "Art. 17"));
        ConsentChange zoeLongAgo = optIn(records, ZOE, NOW.minus(Duration.ofDays(4 * 365)));
        new MongoContacts(store, keys).saveMinorFlag(ACME, new MinorFlag(ZOE, LocalDate.parse("2015-05-01")));
        long entries = store.collection(MongoStore.CHANGES).countDocuments();

        long retired = new MongoRetention(store).retireAddresses(ACME, NOW.minus(Duration.ofDays(3 * 365)));

        assertThat(retired).as("Ann and Zoe: Bob is active, Eve's suppression holds no key").isEqualTo(2);
        assertThat(keys.addresses(ACME, List.of(zoeLongAgo.sealed()))).isEmpty();
        assertThat(new MongoContacts(store, keys).minorFlags(ACME, List.of(ZOE))).as("a child's flag outlives the address")
                .containsOnlyKeys(ZOE);
        assertThat(keys.addresses(ACME, List.of(annLongAgo.sealed()))).isEmpty();
        assertThat(keys.addresses(ACME, List.of(bobRecently.sealed()))).containsValue("bob@example.com");
        assertThat(new MongoErasures(store, keys).suppressions(ACME, List.of(EVE))).containsKey(EVE);
        assertThat(store.collection(MongoStore.CHANGES).countDocuments()).as("no entry deleted").isEqualTo(entries);
        assertThat(records.current(ACME, List.of(annLongAgo.key())).states().get(annLongAgo.key()).state())
                .as("its consent still decides").isEqualTo(ConsentState.OPTED_IN);
        ConsentChange again = optIn(records, ANN, NOW);
        assertThat(keys.addresses(ACME, List.of(again.sealed()))).as("given again, a new key")
                .containsValue("ann@example.com");
        assertThat(keys.addresses(ACME, List.of(annLongAgo.sealed()))).as("the old entries stay closed").isEmpty();
    }

    @Test
    void anErasedAddressGivenAgainByAnOptInNeverConfirmedIsTakenBackOnceNoRequestOfItIsLeft() {
        var erasures = new MongoErasures(store, keys);
        var requests = new MongoConfirmationRequests(store, keys);
        for (ContactPoint point : List.of(ANN, BOB, EVE)) {
            erasures.suppress(ACME, point, new Suppression("e-" + point.address(), NOW, "Art. 17"));
            erasures.readmit(ACME, point); // an opt-in typed into a form: the address is kept to send the confirmation mail
        }
        SealedAddress ann = keys.seal(ACME, ANN);
        SealedAddress bob = keys.seal(ACME, BOB);
        SealedAddress eve = keys.seal(ACME, EVE);
        requests.add(request(BOB, Instant.now())); // Bob's mail can still be confirmed
        erasures.lift(ACME, EVE, new Suppression("e-" + EVE.address(), NOW, "Art. 17"),
                new Erasure.Lift(EVE, Instant.now(), "c-eve", Source.DOUBLE_OPT_IN)); // Eve confirmed
        var retention = new MongoRetention(store);

        assertThat(retention.retireUnconfirmedReadmissions(Instant.now().minus(Duration.ofDays(1)))).as("all readmitted since").isZero();
        assertThat(retention.retireUnconfirmedReadmissions(Instant.now().plus(Duration.ofSeconds(1)))).as("Ann only").isEqualTo(1);

        assertThat(keys.addresses(ACME, List.of(ann))).isEmpty();
        assertThat(erasures.suppressions(ACME, List.of(ANN, BOB, EVE))).as("the suppressions stand").containsOnlyKeys(ANN, BOB);
        assertThat(keys.addresses(ACME, List.of(bob, eve))).containsOnlyKeys(bob, eve);
        assertThat(keys.seal(ACME, ANN).holdsAddress()).as("and no key is made behind Ann's suppression").isFalse();
    }

    private static ConsentChange optIn(MongoConsentRecords records, ContactPoint point, Instant at) {
        RecordKey key = RecordKey.ofPurpose(new TechnicalId("retail"), point, new TechnicalId("news"));
        var capture = new ConsentCapture(key, ConsentState.OPTED_IN, at, Source.API, new Actor("crm"), Evidence.NONE, "corr");
        ConsentChange change = records.load(ACME, key).capture(capture, false, java.util.UUID.randomUUID().toString(), at);
        assertThat(records.append(change)).isTrue();
        return change;
    }

    private static ConfirmationRequest request(ContactPoint point, Instant requestedAt) {
        return ConfirmationRequest.open(ConfirmationToken.issue(), ACME, RecordKey.ofPurpose(new TechnicalId("retail"), point,
                new TechnicalId("news")), 1, "v1", "en", requestedAt, Duration.ofHours(48));
    }
}
