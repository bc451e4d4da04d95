package org.consentplatform.adapter.out.mongo;

import org.consentplatform.application.port.out.HistoryCriteria;
import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.consent.ChangeOutcome;
import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.Rejection;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MongoConsentHistoryContractTest extends MongoWireServer {

    private static final TenantId ACME = new TenantId("acme");
    private static final ContactPoint ANN = new ContactPoint(Channel.EMAIL, "ann@example.com");
    private static final RecordKey COMMERCIAL = RecordKey.ofPurpose(new TechnicalId("retail"), ANN, new TechnicalId("commercial"));
    private static final RecordKey TRACKING = RecordKey.ofPurpose(new TechnicalId("retail"), ANN, new TechnicalId("tracking"));

    @Test
    void aRecordsHistoryIsPagedInSequenceOrderWithEveryDetail() {
        var records = new MongoConsentRecords(store, keys, Clock.systemUTC());
        for (int day = 1; day <= 5; day++) {
            write(records, COMMERCIAL, day % 2 == 0 ? ConsentState.OPTED_OUT : ConsentState.OPTED_IN, day);
        }
        var history = new MongoConsentHistory(store, keys);

        var first = history.ofRecord(ACME, COMMERCIAL, null, 2);
        var second = history.ofRecord(ACME, COMMERCIAL, first.nextCursor(), 2);
        var last = history.ofRecord(ACME, COMMERCIAL, second.nextCursor(), 2);

        assertThat(first.items()).extracting(ConsentChange::seq).containsExactly(1L, 2L);
        assertThat(second.items()).extracting(ConsentChange::seq).containsExactly(3L, 4L);
        assertThat(last.items()).extracting(ConsentChange::seq).containsExactly(5L);
        assertThat(last.nextCursor()).isNull();
        ConsentChange change = second.items().getFirst();
        assertThat(change.before().state()).isEqualTo(ConsentState.OPTED_OUT);
        assertThat(change.after().state()).isEqualTo(ConsentState.OPTED_IN);
        assertThat(change.actor().id()).isEqualTo("crm");
        assertThat(change.evidence().wordingVersion()).isEqualTo("v3");
        assertThat(change.correlationId()).isEqualTo("corr-3");
    }

    @Test
    void aContactPointsHistorySpansItsRecords() {
        var records = new MongoConsentRecords(store, keys, Clock.systemUTC());
        write(records, COMMERCIAL, ConsentState.OPTED_IN, 1);
        write(records, TRACKING, ConsentState.OPTED_IN, 2);
        write(records, COMMERCIAL, ConsentState.OPTED_OUT, 3);
        var history = new MongoConsentHistory(store, keys);

        var all = new ArrayList<ConsentChange>();
        String cursor = null;
        do {
            var page = history.search(ACME, HistoryCriteria.ofContactPoint(ANN), cursor, 1);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(all).hasSize(3).extracting(c -> c.key().purposeId().value())
                .containsExactlyInAnyOrder("commercial", "tracking", "commercial");
        assertThat(history.search(new TenantId("globex"), HistoryCriteria.ofContactPoint(ANN), null, 10).items()).isEmpty();
    }

    @Test
    void aRecordsWholeStreamAndHeadAreReadForVerification() {
        var records = new MongoConsentRecords(store, keys, Clock.systemUTC());
        write(records, COMMERCIAL, ConsentState.OPTED_IN, 1);
        write(records, COMMERCIAL, ConsentState.OPTED_OUT, 2);
        write(records, TRACKING, ConsentState.OPTED_IN, 3);
        var history = new MongoConsentHistory(store, keys);

        var stream = history.stream(ACME, COMMERCIAL);
        var head = history.head(ACME, COMMERCIAL);
        var walked = new ArrayList<RecordKey>();
        history.forEachRecord(ACME, walked::add);

        assertThat(stream).extracting(ConsentChange::seq).containsExactly(1L, 2L);
        assertThat(stream.get(1).previousHash()).isEqualTo(stream.get(0).hash());
        assertThat(stream).allSatisfy(change -> assertThat(change.contentIntact()).isTrue());
        assertThat(head.seq()).isEqualTo(2);
        assertThat(head.hash()).isEqualTo(stream.get(1).hash());
        assertThat(walked).as("walked by pseudonym, nothing decrypted")
                .containsExactlyInAnyOrder(keys.stored(ACME, COMMERCIAL), keys.stored(ACME, TRACKING));
        assertThat(history.stream(ACME, walked.getFirst())).as("a record walked so is read by its pseudonym").isNotEmpty();
        assertThat(history.head(new TenantId("globex"), COMMERCIAL).seq()).isZero();
    }

    @Test
    void theTenantsHistoryIsFilteredAndExportedInRecordedOrder() {
        var records = new MongoConsentRecords(store, keys, Clock.systemUTC());
        write(records, COMMERCIAL, ConsentState.OPTED_IN, 1);
        write(records, TRACKING, ConsentState.OPTED_IN, 2);
        write(records, COMMERCIAL, ConsentState.OPTED_OUT, 3);
        var history = new MongoConsentHistory(store, keys);

        var commercial = history.search(ACME, new HistoryCriteria(null, null, null, null, new TechnicalId("commercial"),
                null, null, null, null), null, 10);
        var window = history.search(ACME, new HistoryCriteria(Instant.parse("2026-11-22T00:00:00Z"),
                Instant.parse("2026-11-23T00:00:00Z"), null, null, null, null, null, null, null), null, 10);
        var byActor = history.search(ACME, new HistoryCriteria(null, null, null, null, null, Source.API, "someone-else", null, null), null, 10);
        var exported = new ArrayList<ConsentChange>();
        history.export(ACME, new HistoryCriteria(null, null, ANN, null, null, null, null, null, null), exported::add);

        assertThat(commercial.items()).extracting(ConsentChange::seq).containsExactly(1L, 2L);
        assertThat(window.items()).singleElement().satisfies(c -> assertThat(c.key()).isEqualTo(TRACKING));
        assertThat(byActor.items()).isEmpty();
        assertThat(exported).extracting(c -> c.recordedAt().toString())
                .containsExactly("2026-11-21T00:00:00Z", "2026-11-22T00:00:00Z", "2026-11-23T00:00:00Z");
    }

    @Test
    void aRejectedAttemptAndTheClientOfItsActorAreStoredAndFilteredOn() {
        var records = new MongoConsentRecords(store, keys, Clock.systemUTC());
        write(records, COMMERCIAL, ConsentState.OPTED_OUT, 1);
        var attempt = new ConsentCapture(COMMERCIAL, ConsentState.OPTED_IN, Instant.parse("2026-11-02T00:00:00Z"), Source.API,
                new Actor("5b2c9e1a", "crm-sync"), Evidence.NONE, "corr-2");
        var rejection = new Rejection("guardian-required", "a parent or guardian must give it");
        records.append(records.load(ACME, COMMERCIAL).reject(attempt, rejection, "rejected-1", Instant.parse("2026-11-22T00:00:00Z")));
        var history = new MongoConsentHistory(store, keys);

        var rejected = history.search(ACME, new HistoryCriteria(null, null, null, null, null, null, null, null,
                ChangeOutcome.REJECTED), null, 10);
        var viaClient = history.search(ACME, new HistoryCriteria(null, null, null, null, null, null, null, "crm-sync", null), null, 10);

        assertThat(rejected.items()).singleElement().satisfies(change -> {
            assertThat(change.id()).isEqualTo("rejected-1");
            assertThat(change.rejection()).isEqualTo(rejection);
            assertThat(change.actor()).isEqualTo(new Actor("5b2c9e1a", "crm-sync"));
            assertThat(change.contentIntact()).isTrue();
        });
        assertThat(viaClient.items()).extracting(ConsentChange::id).containsExactly("rejected-1");
        assertThat(records.load(ACME, COMMERCIAL).state()).isEqualTo(ConsentState.OPTED_OUT);
        assertThat(records.load(ACME, COMMERCIAL).seq()).isEqualTo(2);
    }

    @Test
    void aForgedCursorIsRefused() {
        var history = new MongoConsentHistory(store, keys);

        assertThatThrownBy(() -> history.ofRecord(ACME, COMMERCIAL, "{\"$gt\":0}", 10)).isInstanceOf(DomainRejection.InvalidInput.class);
        assertThatThrownBy(() -> history.search(ACME, HistoryCriteria.ofContactPoint(ANN), "bm90LWEtY3Vyc29y", 10)).isInstanceOf(DomainRejection.InvalidInput.class);
    }

    private static void write(MongoConsentRecords records, RecordKey key, ConsentState state, int day) {
        var capture = new ConsentCapture(key, state, Instant.parse("2026-11-0" + day + "T00:00:00Z"), Source.API,
                new Actor("crm"), new Evidence("v" + day, null, null, null), "corr-" + day);
        records.append(records.load(ACME, key).capture(capture, false, UUID.randomUUID().toString(),
                Instant.parse("2026-11-2" + day + "T00:00:00Z")));
    }
}
