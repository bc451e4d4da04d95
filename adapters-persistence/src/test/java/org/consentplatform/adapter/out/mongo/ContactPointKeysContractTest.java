package org.consentplatform.adapter.out.mongo;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.contactpoint.SealedAddress;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pseudonyms and envelope encryption at rest (ADR 37), against the wire protocol. */
class ContactPointKeysContractTest extends MongoWireServer {

    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");
    private static final ContactPoint ANN = new ContactPoint(Channel.EMAIL, "ann@example.com");
    private static final ContactPoint BOB = new ContactPoint(Channel.SMS, "+33612345678");

    @Test
    void aPseudonymIsKeyedPerTenantAndTheSameOnEveryInstance() {
        String ann = keys.pseudonym(ACME, ANN);

        assertThat(ann).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(keys(anotherInstance()).pseudonym(ACME, ANN)).as("the tenant's key is stored, not per instance").isEqualTo(ann);
        assertThat(keys.pseudonym(GLOBEX, ANN)).as("two tenants' pseudonyms do not link").isNotEqualTo(ann);
        assertThat(keys.pseudonym(ACME, new ContactPoint(Channel.SMS, "ann@example.com"))).isNotEqualTo(ann);
        assertThat(keys.pseudonym(ACME, ContactPoint.withheld(Channel.EMAIL, ann))).isEqualTo(ann);
    }

    @Test
    void aSealIsMadeOnceAndOpensToTheAddressOnAnyInstance() {
        SealedAddress sealed = keys.seal(ACME, ANN);

        assertThat(keys.seal(ACME, ANN)).isEqualTo(sealed);
        assertThat(sealed.ciphertext()).doesNotContain("example");
        ContactPoint withheld = ContactPoint.withheld(Channel.EMAIL, sealed.pseudonym());
        assertThat(keys(anotherInstance()).open(ACME, List.of(withheld))).containsEntry(withheld, ANN);
        assertThat(subjects()).as("one subject document beside the records").isEqualTo(1);
    }

    @Test
    void withItsDataKeyDeletedAnAddressNoLongerOpens() {
        SealedAddress sealed = keys.seal(ACME, ANN);
        ContactPoint withheld = ContactPoint.withheld(Channel.EMAIL, sealed.pseudonym());

        store.collection(MongoStore.RECORDS).deleteOne(Filters.eq("_id", MongoStore.id("acme", sealed.pseudonym())));

        assertThat(keys.open(ACME, List.of(withheld))).containsEntry(withheld, withheld);
        assertThat(keys.addresses(ACME, List.of(sealed))).isEmpty();
        assertThat(keys.seal(ACME, withheld)).as("known by pseudonym alone, no key can be made").isEqualTo(
                SealedAddress.withoutAddress(sealed.pseudonym()));
    }

    @Test
    void anotherMasterKeyOpensNoTenantKey() {
        keys.seal(ACME, ANN);

        var stranger = new ContactPointKeys(store, new TenantKeyring(store, MasterKey.generated(), Clock.systemUTC()), Clock.systemUTC());

        assertThatThrownBy(() -> stranger.pseudonym(ACME, ANN)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("master key");
    }

    @Test
    void instancesMakingTheSamePersonsKeyAtOnceAgreeOnOne() throws Exception {
        var instances = List.of(keys, keys(anotherInstance()), keys(anotherInstance()), keys(anotherInstance()));
        List<Future<SealedAddress>> seals = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(instances.size())) {
            for (ContactPointKeys instance : instances) {
                seals.add(pool.submit((Callable<SealedAddress>) () -> instance.seal(GLOBEX, BOB)));
            }
        }

        SealedAddress first = seals.getFirst().get();
        for (Future<SealedAddress> seal : seals) {
            assertThat(seal.get()).isEqualTo(first);
        }
        assertThat(keys.open(GLOBEX, List.of(ContactPoint.withheld(Channel.SMS, first.pseudonym()))).values()).containsExactly(BOB);
    }

    @Test
    void aRotatedTenantKeyWrapsNewDataKeysAndEveryOlderOneStillOpensOnEveryInstance() {
        SealedAddress before = keys.seal(ACME, ANN);
        var otherInstance = keys(anotherInstance());
        assertThat(otherInstance.addresses(ACME, List.of(before))).containsValue(ANN.address()); // caches the keyset as it was

        var status = keys.keyring().rotate(ACME);

        assertThat(status.keys()).isEqualTo(2);
        assertThat(status.rotations()).isEqualTo(1);
        assertThat(status.rotatedAt()).isNotNull();
        SealedAddress after = keys.seal(ACME, BOB);
        assertThat(keys.addresses(ACME, List.of(before, after))).containsValues(ANN.address(), BOB.address());
        assertThat(otherInstance.addresses(ACME, List.of(after))).as("the other instance reads the new keyset when it must")
                .containsValue(BOB.address());
        assertThat(otherInstance.pseudonym(ACME, BOB)).as("pseudonyms do not change").isEqualTo(keys.pseudonym(ACME, BOB));
        assertThat(keys.keyring().rotate(ACME).keys()).isEqualTo(3);
        assertThat(keys(anotherInstance()).addresses(ACME, List.of(before, after))).hasSize(2);
    }

    @Test
    void anUploadedFileIsStoredEncryptedAndReadBackRowByRow() {
        var files = new GridFsImportFiles(store, keys.keyring(), 1_000_000, 1000);
        String csv = "profileId,channel,address,purposeId,state,capturedAt\nretail,EMAIL,ann@example.com,news,OPTED_IN,"
                + "2026-11-01T00:00:00Z\n";
        var stored = files.store(ACME, "job-1", "ann.csv", new java.io.ByteArrayInputStream(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(stored.lines()).isEqualTo(2);
        for (Document chunk : store.collection(MongoStore.IMPORT_FILES + ".chunks").find()) {
            assertThat(new String(chunk.get("data", org.bson.types.Binary.class).getData(), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .doesNotContain("ann@example.com").doesNotContain("profileId");
        }
        try (var rows = files.open(ACME, "job-1", org.consentplatform.domain.load.ImportSpec.Format.CSV, 0)) {
            assertThat(rows.header()).contains("address");
            assertThat(rows.next().cell("address")).isEqualTo("ann@example.com");
        }
    }

    @Test
    void aConfirmationRequestHoldsNoAddressAndIsFoundByItAcrossTenants() {
        var requests = new MongoConfirmationRequests(store, keys);
        var key = RecordKey.ofPurpose(new TechnicalId("retail"), ANN, new TechnicalId("news"));
        var globexKey = RecordKey.ofPurpose(new TechnicalId("shop"), ANN, new TechnicalId("news"));
        requests.add(org.consentplatform.domain.doubleoptin.ConfirmationRequest.open(
                org.consentplatform.domain.doubleoptin.ConfirmationToken.issue(), ACME, key, 1, "v1", "en",
                Instant.parse("2026-11-01T00:00:00Z"), java.time.Duration.ofHours(48)));
        requests.add(org.consentplatform.domain.doubleoptin.ConfirmationRequest.open(
                org.consentplatform.domain.doubleoptin.ConfirmationToken.issue(), GLOBEX, globexKey, 1, "v1", "pl",
                Instant.parse("2026-11-02T00:00:00Z"), java.time.Duration.ofHours(48)));

        assertThat(store.collection(MongoStore.CONFIRMATIONS).find().map(Document::toJson).into(new ArrayList<>()))
                .noneMatch(json -> json.contains("ann@example.com"));
        assertThat(requests.unconfirmedFor("ANN@example.com", 10)).as("by address, any tenant, any case")
                .extracting(request -> request.key().contactPoint()).containsExactly(ANN, ANN);
        assertThat(requests.of(ACME, ANN)).singleElement().satisfies(request -> assertThat(request.key()).isEqualTo(key));
    }

    @Test
    void theRecordsTheChangeLogAndTheirKeysHoldNoAddress() {
        var records = new MongoConsentRecords(store, keys, Clock.systemUTC());
        var key = RecordKey.ofPurpose(new TechnicalId("retail"), ANN, new TechnicalId("commercial"));
        var capture = new ConsentCapture(key, ConsentState.OPTED_IN, Instant.parse("2026-11-01T00:00:00Z"), Source.API,
                new Actor("crm"), Evidence.NONE, "corr-1");
        ConsentChange change = records.load(ACME, key).capture(capture, false, "c1", Instant.parse("2026-11-02T00:00:00Z"));
        assertThat(records.append(change)).isTrue();

        for (String collection : List.of(MongoStore.RECORDS, MongoStore.CHANGES, MongoStore.TENANT_KEYS)) {
            for (Document doc : store.collection(collection).find()) {
                assertThat(doc.toJson()).as(collection).doesNotContain("ann@example.com");
            }
        }
        assertThat(records.load(ACME, key).sealed()).isEqualTo(keys.seal(ACME, ANN));
        assertThat(records.changes(ACME, List.of("c1")).getFirst().key()).as("read back with its address decrypted").isEqualTo(key);
    }
}
