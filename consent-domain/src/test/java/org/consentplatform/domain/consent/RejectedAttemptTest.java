package org.consentplatform.domain.consent;

import org.consentplatform.domain.contact.MinorFlag;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Domain rules §11: a capture a rule refused is kept in the history with its reason and changes no state. */
class RejectedAttemptTest {

    private static final TenantId TENANT = new TenantId("acme");
    private static final ContactPoint ANN = new ContactPoint(Channel.EMAIL, "ann@example.com");
    private static final RecordKey KEY = RecordKey.ofPurpose(new TechnicalId("retail"), ANN, new TechnicalId("commercial"));
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Rejection GUARDIAN = new Rejection("guardian-required", "a parent or guardian must give it");

    @Test
    void aRejectedAttemptTakesTheNextPlaceInTheHistoryAndLeavesTheStateAsItWas() {
        ConsentChange optOut = ConsentRecord.absent(TENANT, KEY, TestSeals.of(KEY)).capture(capture(ConsentState.OPTED_OUT, "2026-11-10T00:00:00Z"), false, "c1", NOW);
        var record = ConsentRecord.reconstitute(optOut);

        ConsentChange rejected = record.reject(capture(ConsentState.OPTED_IN, "2026-11-20T00:00:00Z"), GUARDIAN, "c2", NOW);

        assertThat(rejected.outcome()).isEqualTo(ChangeOutcome.REJECTED);
        assertThat(rejected.rejection()).isEqualTo(GUARDIAN);
        assertThat(rejected.seq()).isEqualTo(2);
        assertThat(rejected.requestedState()).isEqualTo(ConsentState.OPTED_IN);
        assertThat(rejected.before()).isEqualTo(optOut.after());
        assertThat(rejected.after()).isEqualTo(optOut.after());
        assertThat(rejected.applied()).isFalse();
        assertThat(rejected.previousHash()).isEqualTo(optOut.hash());
        assertThat(ConsentRecord.reconstitute(rejected).state()).isEqualTo(ConsentState.OPTED_OUT);
        assertThat(ChainVerification.verify(KEY, List.of(optOut, rejected), 2, rejected.hash()).intact()).isTrue();
    }

    @Test
    void aRejectedFirstAttemptLeavesTheRecordAbsent() {
        ConsentChange rejected = ConsentRecord.absent(TENANT, KEY, TestSeals.of(KEY)).reject(capture(ConsentState.OPTED_IN, "2026-11-20T00:00:00Z"), GUARDIAN, "c1", NOW);

        assertThat(rejected.before()).isNull();
        assertThat(rejected.after()).isNull();
        assertThat(ConsentRecord.reconstitute(rejected).current()).isEmpty();
    }

    @Test
    void theReasonIsPartOfTheHashedContent() {
        ConsentChange rejected = ConsentRecord.absent(TENANT, KEY, TestSeals.of(KEY)).reject(capture(ConsentState.OPTED_IN, "2026-11-20T00:00:00Z"), GUARDIAN, "c1", NOW);
        var reworded = new ConsentChange(rejected.id(), rejected.tenant(), rejected.key(), rejected.sealed(), rejected.seq(), rejected.outcome(),
                new Rejection("guardian-required", "nothing to see"), rejected.requestedState(), rejected.before(), rejected.after(),
                rejected.capturedAt(), rejected.recordedAt(), rejected.source(), rejected.actor(), rejected.evidence(),
                rejected.correlationId(), rejected.previousHash(), rejected.hash());

        assertThat(rejected.contentIntact()).isTrue();
        assertThat(reworded.contentIntact()).isFalse();
    }

    @Test
    void onlyARejectedChangeCarriesAReason() {
        ConsentChange applied = ConsentRecord.absent(TENANT, KEY, TestSeals.of(KEY)).capture(capture(ConsentState.OPTED_OUT, "2026-11-10T00:00:00Z"), false, "c1", NOW);

        assertThatThrownBy(() -> new ConsentChange(applied.id(), applied.tenant(), applied.key(), applied.sealed(), applied.seq(), applied.outcome(),
                GUARDIAN, applied.requestedState(), applied.before(), applied.after(), applied.capturedAt(), applied.recordedAt(),
                applied.source(), applied.actor(), applied.evidence(), applied.correlationId(), applied.previousHash(), applied.hash()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConsentChange(applied.id(), applied.tenant(), applied.key(), applied.sealed(), applied.seq(), ChangeOutcome.REJECTED,
                null, applied.requestedState(), applied.before(), applied.after(), applied.capturedAt(), applied.recordedAt(),
                applied.source(), applied.actor(), applied.evidence(), applied.correlationId(), applied.previousHash(), applied.hash()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMinorsOptInWithoutAGuardianIsRefusedWithAReasonThatDoesNotNameTheAddress() {
        var minor = new MinorFlag(ANN, LocalDate.parse("2015-05-01"));

        var refusal = minor.refusal(capture(ConsentState.OPTED_IN, "2026-11-20T00:00:00Z"), NOW, 16);

        assertThat(refusal).get().extracting(Rejection::rule).isEqualTo("guardian-required");
        assertThat(refusal.get().reason()).doesNotContain("ann@example.com").contains("16");
        assertThat(minor.refusal(capture(ConsentState.OPTED_OUT, "2026-11-20T00:00:00Z"), NOW, 16)).isEmpty();
        var withGuardian = new ConsentCapture(KEY, ConsentState.OPTED_IN, Instant.parse("2026-11-20T00:00:00Z"), Source.API,
                new Actor("crm"), new Evidence(null, null, null, null, "Marc Martin (father)"), "corr");
        assertThat(minor.refusal(withGuardian, NOW, 16)).isEmpty();
        assertThat(new MinorFlag(ANN, LocalDate.parse("2000-05-01")).refusal(capture(ConsentState.OPTED_IN, "2026-11-20T00:00:00Z"), NOW, 16))
                .isEmpty();
    }

    private static ConsentCapture capture(ConsentState state, String capturedAt) {
        return new ConsentCapture(KEY, state, Instant.parse(capturedAt), Source.API, new Actor("crm"), Evidence.NONE, "corr");
    }
}
