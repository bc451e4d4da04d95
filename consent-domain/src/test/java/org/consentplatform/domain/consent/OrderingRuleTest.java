package org.consentplatform.domain.consent;

import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Domain rules §6: an older capture never overwrites newer consent, but is kept in the history. */
class OrderingRuleTest {

    private static final TenantId TENANT = new TenantId("acme");
    private static final RecordKey KEY = RecordKey.ofPurpose(new TechnicalId("retail"),
            new ContactPoint(Channel.EMAIL, "ann@example.com"), new TechnicalId("commercial"));
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aFirstCaptureSetsTheRecord() {
        ConsentChange change = ConsentRecord.absent(TENANT, KEY, TestSeals.of(KEY)).capture(capture(ConsentState.OPTED_IN, "2026-11-01T00:00:00Z"), false, "c1", NOW);

        assertThat(change.outcome()).isEqualTo(ChangeOutcome.APPLIED);
        assertThat(change.seq()).isEqualTo(1);
        assertThat(change.before()).isNull();
        assertThat(change.after().state()).isEqualTo(ConsentState.OPTED_IN);
        assertThat(change.recordedAt()).isEqualTo(NOW);
    }

    @Test
    void anOlderCaptureIsSupersededAndChangesNothing() {
        var record = ConsentRecord.reconstitute(ConsentRecord.absent(TENANT, KEY, TestSeals.of(KEY))
                .capture(capture(ConsentState.OPTED_OUT, "2026-11-10T00:00:00Z"), false, "c1", NOW));

        ConsentChange older = record.capture(capture(ConsentState.OPTED_IN, "2026-11-01T00:00:00Z"), false, "c2", NOW);

        assertThat(older.outcome()).isEqualTo(ChangeOutcome.SUPERSEDED);
        assertThat(older.seq()).isEqualTo(2);
        assertThat(older.requestedState()).isEqualTo(ConsentState.OPTED_IN);
        assertThat(older.after()).isEqualTo(older.before());
        assertThat(ConsentRecord.reconstitute(older).state()).isEqualTo(ConsentState.OPTED_OUT);
    }

    @Test
    void aNewerOrSimultaneousCaptureApplies() {
        var record = ConsentRecord.reconstitute(ConsentRecord.absent(TENANT, KEY, TestSeals.of(KEY))
                .capture(capture(ConsentState.OPTED_OUT, "2026-11-10T00:00:00Z"), false, "c1", NOW));

        assertThat(record.capture(capture(ConsentState.OPTED_IN, "2026-11-10T00:00:00Z"), false, "c2", NOW).outcome())
                .isEqualTo(ChangeOutcome.APPLIED);
        assertThat(record.capture(capture(ConsentState.OPTED_IN, "2026-11-11T00:00:00Z"), false, "c3", NOW).after().state())
                .isEqualTo(ConsentState.OPTED_IN);
    }

    @Test
    void anOptInForADoubleOptInPurposeWaitsForConfirmationButAnOptOutDoesNot() {
        var absent = ConsentRecord.absent(TENANT, KEY, TestSeals.of(KEY));

        assertThat(absent.capture(capture(ConsentState.OPTED_IN, "2026-11-10T00:00:00Z"), true, "c1", NOW).after().state())
                .isEqualTo(ConsentState.PENDING_CONFIRMATION);
        assertThat(absent.capture(capture(ConsentState.OPTED_OUT, "2026-11-10T00:00:00Z"), true, "c2", NOW).after().state())
                .isEqualTo(ConsentState.OPTED_OUT);
    }

    @Test
    void aCaptureFromTheFutureIsRefused() {
        assertThatThrownBy(() -> capture(ConsentState.OPTED_IN, "2026-11-23T10:06:00Z").notAfter(NOW))
                .isInstanceOf(DomainRejection.InvalidInput.class);
        assertThat(capture(ConsentState.OPTED_IN, "2026-11-23T10:04:00Z").notAfter(NOW)).isNotNull();
    }

    @Test
    void pendingCannotBeCapturedDirectly() {
        assertThatThrownBy(() -> capture(ConsentState.PENDING_CONFIRMATION, "2026-11-10T00:00:00Z"))
                .isInstanceOf(DomainRejection.InvalidInput.class);
    }

    private static ConsentCapture capture(ConsentState state, String capturedAt) {
        return new ConsentCapture(KEY, state, Instant.parse(capturedAt), Source.API, new Actor("crm"),
                new Evidence("v3", "signup", null, null), "corr-1");
    }
}
