package org.consentplatform.adapter.out.mongo;

import org.bson.Document;
import org.consentplatform.application.service.ReportService;
import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.report.CountedState;
import org.consentplatform.domain.report.CounterDeltas;
import org.consentplatform.domain.report.DayFigures;
import org.consentplatform.domain.report.Series;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Report counters against real storage: each change counted once, even when a run stops halfway. */
class ReportCountersContractTest extends MongoWireServer {

    private static final TenantId ACME = new TenantId("acme");
    private static final TechnicalId RETAIL = new TechnicalId("retail");
    private static final TechnicalId NEWS = new TechnicalId("news");
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Series EMAIL_NEWS = new Series(ACME, RETAIL, NEWS, null, Channel.EMAIL);
    private static final LocalDate TODAY = LocalDate.parse("2026-11-23");

    @Test
    void everyChangeIsCountedOnceByStateAndByDay() {
        var records = new MongoConsentRecords(store, keys, CLOCK);
        write(records, "a@example.com", ConsentState.OPTED_IN);
        write(records, "b@example.com", ConsentState.OPTED_IN);
        write(records, "b@example.com", ConsentState.OPTED_OUT);
        ReportService reports = service(2);

        assertThat(reports.countNew()).isEqualTo(3);
        assertThat(reports.countNew()).as("nothing is left to count").isZero();

        var counters = new MongoReportCounters(store);
        assertThat(counters.states(ACME, RETAIL).get(EMAIL_NEWS))
                .containsEntry(CountedState.OPTED_IN, 1L).containsEntry(CountedState.OPTED_OUT, 1L);
        assertThat(counters.days(ACME, null, TODAY, TODAY)).isEqualTo(Map.of(EMAIL_NEWS, Map.of(TODAY, new DayFigures(2, 1, 0, 0))));
        assertThat(counters.states(new TenantId("other"), null)).as("another tenant sees none of it").isEmpty();
    }

    @Test
    void aBatchLeftHalfAddedIsFinishedOnceBeforeAnythingNewIsCounted() {
        var records = new MongoConsentRecords(store, keys, CLOCK);
        write(records, "a@example.com", ConsentState.OPTED_IN);
        write(records, "b@example.com", ConsentState.OPTED_IN);
        var counters = new MongoReportCounters(store);
        List<ConsentChange> changes = counters.uncounted(10);
        List<String> ids = changes.stream().map(ConsentChange::id).toList();

        // the run stopped after moving the counters, before marking its changes: the batch is still there
        Document batch = counters.writeAhead(ids, CounterDeltas.of(changes));
        counters.apply(batch);
        store.collection(MongoStore.REPORT_BATCHES).insertOne(batch);
        ids.forEach(id -> store.collection(MongoStore.CHANGES).updateOne(new Document("_id", id),
                new Document("$set", new Document("counted", false))));
        write(records, "c@example.com", ConsentState.OPTED_IN);

        assertThat(service(10).countNew()).as("only the change made since").isOne();
        assertThat(counters.states(ACME, RETAIL).get(EMAIL_NEWS)).containsEntry(CountedState.OPTED_IN, 3L);
        assertThat(counters.days(ACME, RETAIL, TODAY, TODAY).get(EMAIL_NEWS)).containsEntry(TODAY, new DayFigures(3, 0, 0, 0));
        assertThat(store.collection(MongoStore.REPORT_BATCHES).countDocuments(new Document("changeIds", new Document("$exists", true))))
                .isZero();
    }

    @Test
    void changesWrittenBeforeCountersExistedAreCountedAfterTheMigration() {
        var records = new MongoConsentRecords(store, keys, CLOCK);
        write(records, "a@example.com", ConsentState.OPTED_IN);
        store.collection(MongoStore.CHANGES).updateMany(new Document(), new Document("$unset", new Document("counted", "")));
        store.collection(MongoStore.MIGRATIONS).deleteMany(new Document());

        MongoStore reopened = anotherInstance();

        assertThat(new MongoReportCounters(reopened).uncounted(10)).hasSize(1);
    }

    private ReportService service(int batchSize) {
        return new ReportService(new MongoReportCounters(store), new MongoConsentRecords(store, keys, CLOCK),
                new MongoComplianceProfiles(store, Duration.ZERO), new MongoLeases(store, CLOCK), "a", Duration.ofMinutes(1), batchSize,
                CLOCK);
    }

    private static void write(MongoConsentRecords records, String address, ConsentState state) {
        RecordKey key = RecordKey.ofPurpose(RETAIL, new ContactPoint(Channel.EMAIL, address), NEWS);
        var capture = new ConsentCapture(key, state, NOW.minusSeconds(60), Source.API, new Actor("crm"), Evidence.NONE, null);
        ConsentChange change = records.load(ACME, key).capture(capture, false, UUID.randomUUID().toString(), NOW);
        assertThat(records.append(change)).isTrue();
    }
}
