package org.consentplatform.domain.consent;

import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.contactpoint.SealedAddress;
import org.consentplatform.domain.report.CounterDeltas;
import org.consentplatform.domain.report.CountedState;
import org.consentplatform.domain.report.DayFigures;
import org.consentplatform.domain.report.Series;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Domain rules §13: what an erasure does to a record, and which captures an erased contact point takes. */
class ErasureTest {

    private static final TenantId TENANT = new TenantId("acme");
    private static final ContactPoint ANN = new ContactPoint(Channel.EMAIL, "ann@example.com");
    private static final RecordKey KEY = RecordKey.ofPurpose(new TechnicalId("retail"), ANN, new TechnicalId("commercial"));
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Suppression ERASED = new Suppression("e-1", NOW, "GDPR Art. 17(1)(b)");
    private static final Actor DPO = new Actor("dpo", "privacy-desk");

    @Test
    void anErasureForgetsTheConsentInAChainedEntryThatLeavesTheRecordAbsent() {
        ConsentChange optIn = ConsentRecord.absent(TENANT, KEY, TestSeals.of(KEY))
                .capture(capture(ConsentState.OPTED_IN, Source.API, "2026-11-10T00:00:00Z"), false, "c1", NOW);

        ConsentChange erasure = ConsentRecord.reconstitute(optIn).erase(ERASED, DPO, "c2", NOW.plusSeconds(1)).orElseThrow();

        assertThat(erasure.source()).isEqualTo(Source.ERASURE);
        assertThat(erasure.outcome()).isEqualTo(ChangeOutcome.APPLIED);
        assertThat(erasure.requestedState()).isNull();
        assertThat(erasure.before()).isEqualTo(optIn.after());
        assertThat(erasure.after().erased()).isTrue();
        assertThat(erasure.after().state()).as("absent for the models").isNull();
        assertThat(erasure.actor()).isEqualTo(DPO);
        assertThat(erasure.evidence().reason()).isEqualTo("GDPR Art. 17(1)(b)");
        assertThat(erasure.correlationId()).isEqualTo("erasure:e-1");
        assertThat(erasure.sealed()).as("it hashes the record's ciphertext, whose key the erasure destroys").isEqualTo(optIn.sealed());
        assertThat(ChainVerification.verify(KEY, List.of(optIn, erasure), 2, erasure.hash()).intact()).isTrue();
    }

    @Test
    void aCaptureGivenBeforeTheErasureCannotBringTheConsentBack() {
        ConsentChange optIn = ConsentRecord.absent(TENANT, KEY, TestSeals.of(KEY))
                .capture(capture(ConsentState.OPTED_IN, Source.API, "2026-11-10T00:00:00Z"), false, "c1", NOW);
        ConsentChange erasure = ConsentRecord.reconstitute(optIn).erase(ERASED, DPO, "c2", NOW).orElseThrow();

        ConsentChange late = ConsentRecord.reconstitute(erasure)
                .capture(capture(ConsentState.OPTED_IN, Source.API, "2026-11-20T00:00:00Z"), false, "c3", NOW);

        assertThat(late.outcome()).isEqualTo(ChangeOutcome.SUPERSEDED);
        assertThat(ConsentRecord.reconstitute(late).state()).isNull();
    }

    @Test
    void aRecordWithNoStateNeedsNoErasureEntry() {
        assertThat(ConsentRecord.absent(TENANT, KEY, TestSeals.of(KEY)).erase(ERASED, DPO, "c1", NOW)).isEmpty();
        ConsentChange optIn = ConsentRecord.absent(TENANT, KEY, TestSeals.of(KEY))
                .capture(capture(ConsentState.OPTED_IN, Source.API, "2026-11-10T00:00:00Z"), false, "c1", NOW);
        ConsentChange erasure = ConsentRecord.reconstitute(optIn).erase(ERASED, DPO, "c2", NOW).orElseThrow();
        assertThat(ConsentRecord.reconstitute(erasure).erase(ERASED, DPO, "c3", NOW)).as("erasing twice writes once").isEmpty();
    }

    @Test
    void reportsCountTheForgottenOptInOutOfItsStateAndAsNoOptOut() {
        ConsentChange optIn = ConsentRecord.absent(TENANT, KEY, TestSeals.of(KEY))
                .capture(capture(ConsentState.OPTED_IN, Source.API, "2026-11-10T00:00:00Z"), false, "c1", NOW);
        ConsentChange erasure = ConsentRecord.reconstitute(optIn).erase(ERASED, DPO, "c2", NOW).orElseThrow();

        CounterDeltas deltas = CounterDeltas.of(List.of(erasure));

        assertThat(deltas.states()).containsExactly(Map.entry(Series.of(TENANT, KEY), Map.of(CountedState.OPTED_IN, -1L)));
        assertThat(DayFigures.of(erasure)).isEqualTo(DayFigures.ZERO);
    }

    @ParameterizedTest(name = "an opt-in from {0} is {1}")
    @CsvSource({
            "API, taken and lifts",
            "FORM, taken and lifts",
            "PREFERENCE_CENTER, taken and lifts",
            "SUBSCRIPTION_CENTER, taken and lifts",
            "DOUBLE_OPT_IN, taken and lifts",
            "IMPORT, refused",
            "OPERATOR, refused",
            "INBOUND_EVENT, refused"})
    void onlyAnOptInThePersonGivesIsTakenForAnErasedContactPoint(Source source, String verdict) {
        ConsentCapture optIn = capture(ConsentState.OPTED_IN, source, "2026-11-24T00:00:00Z");

        boolean taken = ERASED.refusal(optIn).isEmpty();

        assertThat(taken).isEqualTo(verdict.startsWith("taken"));
        assertThat(Suppression.readmits(optIn)).isEqualTo(taken);
        ERASED.refusal(optIn).ifPresent(rejection -> {
            assertThat(rejection.rule()).isEqualTo("erased");
            assertThat(rejection.reason()).doesNotContain("ann@example.com");
        });
        if (taken) {
            ConsentChange change = ConsentRecord.absent(TENANT, KEY, TestSeals.of(KEY)).capture(optIn, false, "c1", NOW.plusSeconds(60));
            assertThat(Suppression.liftedBy(change)).isTrue();
        }
    }

    @ParameterizedTest(name = "an opt-out from {0} is taken and lifts nothing")
    @CsvSource({"API", "IMPORT", "OPERATOR", "INBOUND_EVENT", "PREFERENCE_CENTER"})
    void anOptOutIsAlwaysTakenAndLiftsNothing(Source source) {
        ConsentCapture optOut = capture(ConsentState.OPTED_OUT, source, "2026-11-24T00:00:00Z");

        assertThat(ERASED.refusal(optOut)).isEmpty();
        assertThat(Suppression.readmits(optOut)).isFalse();
        ConsentChange change = ConsentRecord.absent(TENANT, KEY, SealedAddress.withoutAddress("p")).capture(optOut, false, "c1", NOW);
        assertThat(Suppression.liftedBy(change)).isFalse();
    }

    @Test
    void anOptInLeftWaitingForItsConfirmationLiftsNothingYet() {
        ConsentCapture optIn = capture(ConsentState.OPTED_IN, Source.FORM, "2026-11-24T00:00:00Z");
        ConsentChange pending = ConsentRecord.absent(TENANT, KEY, TestSeals.of(KEY)).capture(optIn, true, "c1", NOW.plusSeconds(60));

        assertThat(pending.leftPending()).isTrue();
        assertThat(Suppression.readmits(optIn)).as("its address is needed for the confirmation mail").isTrue();
        assertThat(Suppression.liftedBy(pending)).as("anybody can type an address into a form").isFalse();
    }

    private static ConsentCapture capture(ConsentState state, Source source, String capturedAt) {
        return new ConsentCapture(KEY, state, Instant.parse(capturedAt), source, new Actor("crm"), Evidence.NONE, "corr");
    }
}
