package org.consentplatform.domain.report;

import org.consentplatform.domain.consent.TestSeals;
import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentLifetime;
import org.consentplatform.domain.consent.ConsentRecord;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.EnforcementModel;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.enforcement.Aspect;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.ProfileDefinition;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.profile.PurposeType;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** §12 reporting: what changes add to the counters, and how counted states become reach. */
class ReportFiguresTest {

    static final TenantId TENANT = new TenantId("acme");
    static final TechnicalId PROFILE = new TechnicalId("retail");
    static final TechnicalId NEWS = new TechnicalId("news");
    static final Instant DAY_ONE = Instant.parse("2026-03-01T23:30:00Z");
    static final Instant DAY_TWO = Instant.parse("2026-03-02T08:00:00Z");

    private final List<ConsentChange> log = new ArrayList<>();

    private ConsentRecord capture(ConsentRecord record, ConsentState state, Instant at, boolean doubleOptIn) {
        ConsentChange change = record.capture(new ConsentCapture(record.key(), state, at, Source.API, new Actor("crm"), null, null),
                doubleOptIn, "c-" + log.size(), at);
        log.add(change);
        return ConsentRecord.reconstitute(change);
    }

    private static RecordKey key(String address) {
        return RecordKey.ofPurpose(PROFILE, new ContactPoint(Channel.EMAIL, address), NEWS);
    }

    @Test
    void eachChangeMovesOneRecordBetweenStatesAndCountsOnTheDayItWasCaptured() {
        ConsentRecord ann = ConsentRecord.absent(TENANT, key("ann@example.com"), TestSeals.of(key("ann@example.com")));
        ann = capture(ann, ConsentState.OPTED_IN, DAY_ONE, false);
        ann = capture(ann, ConsentState.OPTED_IN, DAY_TWO, false);
        ann = capture(ann, ConsentState.OPTED_OUT, DAY_TWO.plusSeconds(60), false);
        capture(ann, ConsentState.OPTED_IN, DAY_ONE, false); // older than the record: superseded, counts nothing
        ConsentRecord bob = ConsentRecord.absent(TENANT, key("bob@example.com"), TestSeals.of(key("bob@example.com")));
        bob = capture(bob, ConsentState.OPTED_IN, DAY_ONE, true);
        capture(bob, ConsentState.OPTED_IN, DAY_TWO, false);
        ConsentRecord eve = capture(ConsentRecord.absent(TENANT, key("eve@example.com"), TestSeals.of(key("eve@example.com"))), ConsentState.OPTED_IN, DAY_ONE, false);
        log.add(eve.expire(new ConsentLifetime(Period.ofDays(1), false), DAY_TWO.plusSeconds(86_400)).orElseThrow());

        CounterDeltas deltas = CounterDeltas.of(log);

        Series series = new Series(TENANT, PROFILE, NEWS, null, Channel.EMAIL);
        assertThat(deltas.states()).containsOnlyKeys(series);
        // ann opted out, bob confirmed his opt-in, eve's expired
        assertThat(deltas.states().get(series)).containsExactlyInAnyOrderEntriesOf(Map.of(
                CountedState.OPTED_OUT, 1L, CountedState.OPTED_IN, 1L, CountedState.EXPIRED, 1L));
        assertThat(deltas.days()).containsExactlyInAnyOrderEntriesOf(Map.of(
                new CounterDeltas.Day(series, LocalDate.parse("2026-03-01")), new DayFigures(2, 0, 0, 0),
                new CounterDeltas.Day(series, LocalDate.parse("2026-03-02")), new DayFigures(1, 1, 1, 1)));
    }

    private static ComplianceProfile profile(EnforcementModel model, boolean doubleOptIn) {
        return ComplianceProfile.create(TENANT, PROFILE, new ProfileDefinition("Retail", null, List.of(
                Purpose.define(NEWS, null, PurposeType.COMMERCIAL, null, Map.of(Channel.EMAIL, model), null, doubleOptIn, "Partner Co", null),
                Purpose.define(new TechnicalId("tracking"), null, PurposeType.TRACKING, null, Map.of(Channel.EMAIL, EnforcementModel.RESTRICTIVE),
                        null, false)), null));
    }

    private static final Map<CountedState, Long> COUNTS = Map.of(CountedState.OPTED_IN, 10L, CountedState.OPTED_OUT, 4L,
            CountedState.PENDING_CONFIRMATION, 3L, CountedState.EXPIRED, 2L);

    @Test
    void eachStateIsDecidedByTheModelAndOverdueOptInsCountAsAbsent() {
        Series series = new Series(TENANT, PROFILE, NEWS, null, Channel.EMAIL);

        Reach restrictive = Reach.of(profile(EnforcementModel.RESTRICTIVE, false), series, COUNTS, 1).orElseThrow();
        assertThat(restrictive.permitted()).isEqualTo(9);
        assertThat(restrictive.blocked()).isEqualTo(10);
        assertThat(restrictive.permitsWithoutRecord()).isFalse();
        assertThat(restrictive.purpose().partner()).isEqualTo("Partner Co");
        assertThat(restrictive.aspect()).isEqualTo(Aspect.MESSAGE);

        Reach open = Reach.of(profile(EnforcementModel.NON_RESTRICTIVE, false), series, COUNTS, 1).orElseThrow();
        assertThat(open.permitted()).isEqualTo(15);
        assertThat(open.blocked()).isEqualTo(4);
        assertThat(open.permitsWithoutRecord()).isTrue();

        // a pending confirmation blocks where double opt-in is required, whatever the model
        Reach confirming = Reach.of(profile(EnforcementModel.NON_RESTRICTIVE, true), series, COUNTS, 1).orElseThrow();
        assertThat(confirming.permitted()).isEqualTo(12);
        assertThat(confirming.blocked()).isEqualTo(7);
    }

    @Test
    void aSeriesOfAPurposeTheProfileNoLongerHasIsNotReported() {
        Series gone = new Series(TENANT, PROFILE, new TechnicalId("gone"), null, Channel.EMAIL);
        Series noModel = new Series(TENANT, PROFILE, new TechnicalId("tracking"), null, Channel.SMS);

        assertThat(Reach.of(profile(EnforcementModel.RESTRICTIVE, false), gone, COUNTS, 0)).isEmpty();
        assertThat(Reach.of(profile(EnforcementModel.RESTRICTIVE, false), noModel, COUNTS, 0)).isEmpty();
        assertThat(Reach.of(profile(EnforcementModel.RESTRICTIVE, false), new Series(TENANT, PROFILE, new TechnicalId("tracking"),
                null, Channel.EMAIL), COUNTS, 0).orElseThrow().aspect()).isEqualTo(Aspect.TRACKING);
    }
}
