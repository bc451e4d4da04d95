package org.consentplatform.domain.doubleoptin;

import org.consentplatform.domain.consent.TestSeals;
import org.consentplatform.domain.consent.Actor;
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

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfirmationRequestTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final RecordKey KEY = RecordKey.ofPurpose(new TechnicalId("retail"),
            new ContactPoint(Channel.EMAIL, "ann@example.com"), new TechnicalId("news"));
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final ConsentRecord pending = record(ConsentRecord.absent(ACME, KEY, TestSeals.of(KEY)), ConsentState.OPTED_IN, Source.FORM, T0, true);
    private final ConfirmationToken token = ConfirmationToken.issue();
    private final ConfirmationRequest request = ConfirmationRequest.open(token, ACME, KEY, pending.seq(), "v3", "fr", T0,
            Duration.ofHours(72));

    @Test
    void tokensAreRandomUrlSafeAndStoredOnlyAsTheirHash() {
        assertThat(ConfirmationToken.wellFormed(token.raw())).isTrue();
        assertThat(token.hash()).isEqualTo(ConfirmationToken.hashOf(token.raw())).doesNotContain(token.raw()).hasSize(64);
        assertThat(ConfirmationToken.issue().raw()).isNotEqualTo(token.raw());
        assertThat(request.tokenHash()).isEqualTo(token.hash());
        assertThat(token.toString()).doesNotContain(token.raw());
        assertThat(ConfirmationToken.wellFormed("short")).isFalse();
        assertThat(ConfirmationToken.wellFormed("{\"$ne\":1}" + "x".repeat(34))).isFalse();
    }

    @Test
    void anOpenRequestConfirmsTheOptInWithTheClientAsEvidence() {
        assertThat(request.status(pending, T0.plusSeconds(60))).isEqualTo(ConfirmationRequest.Status.OPEN);

        ConsentCapture confirmation = request.confirmation(pending, T0.plusSeconds(60), "203.0.113.9", "Firefox");
        ConsentRecord confirmed = record(pending, confirmation);

        assertThat(confirmed.state()).isEqualTo(ConsentState.OPTED_IN);
        assertThat(confirmation.source()).isEqualTo(Source.DOUBLE_OPT_IN);
        assertThat(confirmation.actor()).isEqualTo(Actor.RECIPIENT);
        assertThat(confirmation.evidence()).isEqualTo(new Evidence("v3", null, "203.0.113.9", "Firefox"));
        assertThat(request.status(confirmed, T0.plusSeconds(61))).as("even before the request is marked")
                .isEqualTo(ConfirmationRequest.Status.ALREADY_CONFIRMED);
        assertThat(request.confirmedAt(T0.plusSeconds(61)).status(confirmed, T0.plusSeconds(62)))
                .isEqualTo(ConfirmationRequest.Status.ALREADY_CONFIRMED);
    }

    @Test
    void aRequestExpiresAndIsVoidOnceTheRecordChanged() {
        assertThat(request.status(pending, T0.plus(Duration.ofHours(72)))).isEqualTo(ConfirmationRequest.Status.EXPIRED);
        assertThatThrownBy(() -> request.confirmation(pending, T0.plus(Duration.ofHours(73)), null, null))
                .isInstanceOf(IllegalStateException.class);

        ConsentRecord optedOut = record(pending, ConsentState.OPTED_OUT, Source.API, T0.plusSeconds(30), false);
        assertThat(request.status(optedOut, T0.plusSeconds(60))).isEqualTo(ConfirmationRequest.Status.VOID);

        ConsentRecord pendingAgain = record(pending, ConsentState.OPTED_IN, Source.FORM, T0.plusSeconds(30), true);
        assertThat(request.status(pendingAgain, T0.plusSeconds(60))).as("a newer request supersedes this one")
                .isEqualTo(ConfirmationRequest.Status.VOID);
    }

    @Test
    void anExpiredLinkIsRenewedForTheSameWaitingOptInAndTheFirstLinkUsedConfirms() {
        Instant later = T0.plus(Duration.ofHours(80));
        assertThat(request.renewable(pending, later)).isTrue();

        ConfirmationToken fresh = ConfirmationToken.issue();
        ConfirmationRequest renewal = request.renewal(fresh, pending, later, Duration.ofHours(2));

        assertThat(renewal.tokenHash()).isEqualTo(fresh.hash()).isNotEqualTo(request.tokenHash());
        assertThat(renewal.pendingSeq()).isEqualTo(request.pendingSeq());
        assertThat(renewal.language()).isEqualTo("fr");
        assertThat(renewal.expiresAt()).isEqualTo(later.plus(Duration.ofHours(2)));
        assertThat(renewal.status(pending, later.plusSeconds(1))).isEqualTo(ConfirmationRequest.Status.OPEN);

        ConsentRecord confirmed = record(pending, renewal.confirmation(pending, later.plusSeconds(1), null, null));
        assertThat(request.status(confirmed, later.plusSeconds(2))).as("the old link sees the opt-in confirmed")
                .isEqualTo(ConfirmationRequest.Status.ALREADY_CONFIRMED);
        assertThat(request.renewable(confirmed, later.plusSeconds(2))).isFalse();
    }

    @Test
    void nothingIsRenewedOnceTheOptInStoppedWaiting() {
        ConsentRecord optedOut = record(pending, ConsentState.OPTED_OUT, Source.API, T0.plusSeconds(30), false);

        assertThat(request.renewable(optedOut, T0.plus(Duration.ofHours(80)))).isFalse();
        assertThatThrownBy(() -> request.renewal(ConfirmationToken.issue(), optedOut, T0.plus(Duration.ofHours(80)), Duration.ofHours(1)))
                .isInstanceOf(IllegalStateException.class);
    }

    private static ConsentRecord record(ConsentRecord before, ConsentState state, Source source, Instant at, boolean doi) {
        return record(before, new ConsentCapture(KEY, state, at, source, new Actor("crm"), Evidence.NONE, null), doi);
    }

    private static ConsentRecord record(ConsentRecord before, ConsentCapture capture) {
        return record(before, capture, false);
    }

    private static ConsentRecord record(ConsentRecord before, ConsentCapture capture, boolean doi) {
        ConsentChange change = before.capture(capture, doi, "c" + (before.seq() + 1), capture.capturedAt());
        return ConsentRecord.reconstitute(change);
    }
}
