package org.consentplatform.adapter.out.mongo;

import org.consentplatform.application.port.out.ConsentRecords;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.consent.ChangeOutcome;
import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentRecord;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MongoConsentRecordsContractTest extends MongoWireServer {

    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");
    private static final ContactPoint ANN = new ContactPoint(Channel.EMAIL, "ann@example.com");
    private static final RecordKey KEY = RecordKey.ofPurpose(new TechnicalId("retail"), ANN, new TechnicalId("commercial"));
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private MongoConsentRecords records() {
        return new MongoConsentRecords(store, keys, Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC));
    }

    @Test
    void anAppendedChangeIsTheCurrentStateAndTheNextLoadContinuesItsSequence() {
        var records = records();
        assertThat(records.append(change(records, ACME, ConsentState.OPTED_IN, "2026-11-01T00:00:00Z"))).isTrue();

        assertThat(records.current(ACME, List.of(KEY)).states().get(KEY).state()).isEqualTo(ConsentState.OPTED_IN);
        assertThat(records.load(ACME, KEY).seq()).isEqualTo(1);
        assertThat(records.append(change(records, ACME, ConsentState.OPTED_OUT, "2026-11-02T00:00:00Z"))).isTrue();
        assertThat(records.load(ACME, KEY).state()).isEqualTo(ConsentState.OPTED_OUT);
        assertThat(records.current(ACME, List.of(KEY)).states().get(KEY).state()).isEqualTo(ConsentState.OPTED_OUT);
    }

    @Test
    void aSecondWriterOfTheSameSequenceNumberLoses() {
        var records = records();
        ConsentChange first = change(records, ACME, ConsentState.OPTED_IN, "2026-11-01T00:00:00Z");
        ConsentChange concurrent = change(records, ACME, ConsentState.OPTED_OUT, "2026-11-01T00:00:01Z");

        assertThat(records.append(first)).isTrue();
        assertThat(records.append(concurrent)).isFalse();
        assertThat(store.collection(MongoStore.CHANGES).countDocuments()).isEqualTo(1);
        assertThat(records.current(ACME, List.of(KEY)).states().get(KEY).state()).isEqualTo(ConsentState.OPTED_IN);
    }

    @Test
    void aSupersededChangeAdvancesTheSequenceButNotTheState() {
        var records = records();
        records.append(change(records, ACME, ConsentState.OPTED_OUT, "2026-11-10T00:00:00Z"));
        ConsentChange older = change(records, ACME, ConsentState.OPTED_IN, "2026-11-01T00:00:00Z");

        assertThat(older.outcome()).isEqualTo(ChangeOutcome.SUPERSEDED);
        assertThat(records.append(older)).isTrue();
        assertThat(records.load(ACME, KEY).seq()).isEqualTo(2);
        assertThat(records.current(ACME, List.of(KEY)).states().get(KEY).state()).isEqualTo(ConsentState.OPTED_OUT);
    }

    @Test
    void aChangeWhoseProjectionWasLostIsRepairedByTheSweeper() {
        var records = records();
        records.append(change(records, ACME, ConsentState.OPTED_IN, "2026-11-01T00:00:00Z"));
        simulateCrashAfterChangeLogInsert(records, change(records, ACME, ConsentState.OPTED_OUT, "2026-11-02T00:00:00Z"));
        assertThat(records.current(ACME, List.of(KEY)).states().get(KEY).state()).isEqualTo(ConsentState.OPTED_IN);

        assertThat(records.repairProjections(Duration.ZERO)).isEqualTo(1);

        assertThat(records.current(ACME, List.of(KEY)).states().get(KEY).state()).isEqualTo(ConsentState.OPTED_OUT);
        assertThat(records.repairProjections(Duration.ZERO)).isZero();
    }

    @Test
    void theNextWriterCatchesUpALostProjectionBeforeDeciding() {
        var records = records();
        simulateCrashAfterChangeLogInsert(records, change(records, ACME, ConsentState.OPTED_OUT, "2026-11-02T00:00:00Z"));

        var loaded = records.load(ACME, KEY);

        assertThat(loaded.seq()).isEqualTo(1);
        assertThat(loaded.state()).isEqualTo(ConsentState.OPTED_OUT);
        assertThat(records.current(ACME, List.of(KEY)).states().get(KEY).state()).isEqualTo(ConsentState.OPTED_OUT);
    }

    @Test
    void replayingAnOlderChangeNeverRewindsTheProjection() {
        var records = records();
        ConsentChange first = change(records, ACME, ConsentState.OPTED_IN, "2026-11-01T00:00:00Z");
        records.append(first);
        records.append(change(records, ACME, ConsentState.OPTED_OUT, "2026-11-02T00:00:00Z"));
        store.collection(MongoStore.CHANGES).updateOne(Filters.eq("_id", first.id()), Updates.set("projected", false));

        records.repairProjections(Duration.ZERO);

        assertThat(records.current(ACME, List.of(KEY)).states().get(KEY).state()).isEqualTo(ConsentState.OPTED_OUT);
    }

    @Test
    void tenantsNeverSeeEachOthersRecords() {
        var records = records();
        records.append(change(records, ACME, ConsentState.OPTED_IN, "2026-11-01T00:00:00Z"));

        assertThat(records.current(GLOBEX, List.of(KEY)).states()).isEmpty();
        assertThat(records.ofContactPoint(GLOBEX, ANN)).isEmpty();
        assertThat(records.load(GLOBEX, KEY).seq()).isZero();
        assertThat(records.ofContactPoint(ACME, ANN)).singleElement()
                .satisfies(r -> assertThat(r.key()).isEqualTo(KEY));
    }

    @Test
    void manyKeysAreReadInOneGoAndAbsentOnesAreLeftOut() {
        var records = records();
        records.append(change(records, ACME, ConsentState.OPTED_IN, "2026-11-01T00:00:00Z"));
        RecordKey absent = RecordKey.ofPurpose(new TechnicalId("retail"), ANN, new TechnicalId("tracking"));

        assertThat(records.current(ACME, List.of(KEY, absent, KEY)).states()).containsOnlyKeys(KEY);
    }

    @Test
    void manyChangesAreAppendedTogetherAndARecordWhoseSeqWasTakenGetsNoneOfItsChanges() {
        var records = records();
        RecordKey bob = RecordKey.ofPurpose(new TechnicalId("retail"), new ContactPoint(Channel.EMAIL, "bob@example.com"),
                new TechnicalId("commercial"));
        Map<RecordKey, ConsentRecord> heads = new java.util.HashMap<>(records.loadAll(ACME, List.of(KEY, bob)));
        var planned = new java.util.ArrayList<ConsentChange>();
        for (String at : List.of("2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z")) {
            for (RecordKey key : List.of(KEY, bob)) {
                ConsentChange change = heads.get(key).capture(new ConsentCapture(key, at.startsWith("2026-11-01")
                        ? ConsentState.OPTED_IN : ConsentState.OPTED_OUT, Instant.parse(at), Source.IMPORT, new Actor("import:j"),
                        Evidence.NONE, null), false, "import-" + key.contactPoint().address() + at, NOW);
                heads.put(key, ConsentRecord.reconstitute(change));
                planned.add(change);
            }
        }
        // another writer takes Ann's seq 1 first
        assertThat(records.append(change(records, ACME, ConsentState.OPTED_OUT, "2026-10-01T00:00:00Z"))).isTrue();

        var appended = records.appendAll(planned, ConsentRecords.Repair.SWEEP);

        assertThat(appended).containsExactlyInAnyOrder("import-bob@example.com2026-11-01T00:00:00Z",
                "import-bob@example.com2026-11-02T00:00:00Z");
        assertThat(records.load(ACME, bob).seq()).isEqualTo(2);
        assertThat(records.current(ACME, List.of(bob)).states().get(bob).state()).isEqualTo(ConsentState.OPTED_OUT);
        assertThat(records.load(ACME, KEY).seq()).as("none of Ann's planned changes went in").isEqualTo(1);
        assertThat(store.collection(MongoStore.CHANGES).countDocuments(new org.bson.Document("projected", false))).isZero();
        assertThat(records.changes(ACME, appended)).extracting(ConsentChange::seq).containsExactlyInAnyOrder(1L, 2L);
        assertThat(records.changes(GLOBEX, appended)).as("another tenant's ids are not found").isEmpty();
    }

    private void simulateCrashAfterChangeLogInsert(MongoConsentRecords records, ConsentChange change) {
        store.collection(MongoStore.CHANGES).insertOne(Documents.change(change));
    }

    private ConsentChange change(MongoConsentRecords records, TenantId tenant, ConsentState state, String capturedAt) {
        var capture = new ConsentCapture(KEY, state, Instant.parse(capturedAt), Source.API, new Actor("crm"),
                new Evidence("v1", null, "203.0.113.9", "curl"), "corr");
        return records.load(tenant, KEY).capture(capture, false, java.util.UUID.randomUUID().toString(), NOW);
    }
}
