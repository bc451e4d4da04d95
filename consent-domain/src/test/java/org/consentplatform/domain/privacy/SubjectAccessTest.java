package org.consentplatform.domain.privacy;

import org.consentplatform.domain.consent.TestSeals;
import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.consent.ChangeOutcome;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.RecordState;
import org.consentplatform.domain.consent.Rejection;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.doubleoptin.ConfirmationRequest;
import org.consentplatform.domain.doubleoptin.ConfirmationToken;
import org.consentplatform.domain.receipt.ConsentReceipt;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubjectAccessTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final RecordKey KEY = RecordKey.ofPurpose(new TechnicalId("retail"),
            new ContactPoint(Channel.EMAIL, "ann@example.com"), new TechnicalId("news"));
    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");

    private final List<ConsentChange> history = new ArrayList<>();

    @Test
    void anOptOutIsAWithdrawalOnlyWhereConsentWasGivenBefore() {
        ConsentChange refused = append(ChangeOutcome.APPLIED, ConsentState.OPTED_OUT, state(ConsentState.OPTED_OUT, 0));
        ConsentChange given = append(ChangeOutcome.APPLIED, ConsentState.OPTED_IN, state(ConsentState.OPTED_IN, 1));
        ConsentChange withdrawn = append(ChangeOutcome.APPLIED, ConsentState.OPTED_OUT, state(ConsentState.OPTED_OUT, 2));
        var record = new SubjectAccess.Disclosed(KEY, null, history.reversed(), null);

        assertThat(record.history()).as("kept in seq order whatever order it came in").containsExactly(refused, given, withdrawn);
        assertThat(record.statusAfter(refused)).contains(ConsentStatus.REFUSED);
        assertThat(record.statusAfter(given)).contains(ConsentStatus.GIVEN);
        assertThat(record.statusAfter(withdrawn)).contains(ConsentStatus.WITHDRAWN);
        assertThat(record.status()).contains(ConsentStatus.WITHDRAWN);
        assertThat(ConsentStatus.WITHDRAWN.term()).isEqualTo("dpv:ConsentWithdrawn");
    }

    @Test
    void rejectedAttemptsDoNotCountAsConsentGiven() {
        append(ChangeOutcome.REJECTED, ConsentState.OPTED_IN, null);
        append(ChangeOutcome.APPLIED, ConsentState.OPTED_OUT, state(ConsentState.OPTED_OUT, 1));
        var record = new SubjectAccess.Disclosed(KEY, null, history, null);

        assertThat(record.statusAfter(history.getFirst())).isEmpty();
        assertThat(record.status()).contains(ConsentStatus.REFUSED);
    }

    @Test
    void expiredAndPendingOptInsHaveTheirOwnStatus() {
        append(ChangeOutcome.APPLIED, ConsentState.OPTED_IN, state(ConsentState.PENDING_CONFIRMATION, 0));
        assertThat(new SubjectAccess.Disclosed(KEY, null, history, null).status()).contains(ConsentStatus.REQUESTED);
        append(ChangeOutcome.APPLIED, ConsentState.OPTED_IN, state(ConsentState.OPTED_IN, 1));
        append(ChangeOutcome.APPLIED, null, RecordState.expiredAt(T0.plus(Duration.ofDays(400))));
        assertThat(new SubjectAccess.Disclosed(KEY, null, history, null).status()).contains(ConsentStatus.EXPIRED);
    }

    @Test
    void aRecordWithoutHistoryIsNotDisclosedAndAnEntryOfAnotherRecordIsNoneOfIts() {
        assertThatThrownBy(() -> new SubjectAccess.Disclosed(KEY, null, List.of(), null)).isInstanceOf(IllegalArgumentException.class);
        append(ChangeOutcome.APPLIED, ConsentState.OPTED_IN, state(ConsentState.OPTED_IN, 0));
        var record = new SubjectAccess.Disclosed(KEY, null, history, null);
        ConsentChange stranger = history.getFirst();
        history.clear();
        ConsentChange other = append(ChangeOutcome.APPLIED, ConsentState.OPTED_OUT, state(ConsentState.OPTED_OUT, 5));
        assertThat(record.statusAfter(stranger)).isPresent();
        assertThatThrownBy(() -> record.statusAfter(other)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReceiptAttestsAnOptInOrAnOptOutButNotAPendingExpiredOrRefusedAttempt() {
        append(ChangeOutcome.REJECTED, ConsentState.OPTED_IN, null);
        assertThat(ConsentReceipt.attestable(history)).as("only a rejected attempt").isFalse();
        append(ChangeOutcome.APPLIED, ConsentState.OPTED_IN, state(ConsentState.PENDING_CONFIRMATION, 0));
        assertThat(ConsentReceipt.attestable(history)).as("awaiting confirmation").isFalse();
        append(ChangeOutcome.APPLIED, ConsentState.OPTED_IN, state(ConsentState.OPTED_IN, 1));
        assertThat(ConsentReceipt.attestable(history)).isTrue();
        append(ChangeOutcome.APPLIED, ConsentState.OPTED_OUT, state(ConsentState.OPTED_OUT, 2));
        assertThat(ConsentReceipt.attestable(history)).as("a withdrawal is attested too").isTrue();
        append(ChangeOutcome.APPLIED, ConsentState.OPTED_IN, state(ConsentState.OPTED_IN, 3));
        append(ChangeOutcome.APPLIED, null, RecordState.expiredAt(T0.plus(Duration.ofDays(400))));
        assertThat(ConsentReceipt.attestable(history)).as("expired").isFalse();
        assertThat(ConsentReceipt.attestable(List.of())).isFalse();
    }

    @Test
    void thePersonIsAnsweredInTheLanguageAskedForElseTheOneLastWrittenToInElseEnglish() {
        var older = ConfirmationRequest.open(ConfirmationToken.issue(), ACME, KEY, 1, "v1", "pl", T0, Duration.ofDays(3));
        var newer = ConfirmationRequest.open(ConfirmationToken.issue(), ACME, KEY, 2, "v1", "fr", T0.plusSeconds(60), Duration.ofDays(3));

        assertThat(SubjectAccess.languageFor("PL", List.of(newer))).isEqualTo("pl");
        assertThat(SubjectAccess.languageFor(null, List.of(newer, older))).isEqualTo("fr");
        assertThat(SubjectAccess.languageFor(null, List.of())).isEqualTo("en");
        assertThatThrownBy(() -> SubjectAccess.languageFor("de", List.of())).isInstanceOf(DomainRejection.InvalidInput.class);
    }

    private ConsentChange append(ChangeOutcome outcome, ConsentState requested, RecordState after) {
        long seq = history.size() + 1;
        RecordState before = history.isEmpty() ? null : history.getLast().after();
        RecordState left = outcome == ChangeOutcome.APPLIED ? after : before;
        var change = ConsentChange.chained("c" + seq, ACME, KEY, TestSeals.of(KEY), seq, outcome,
                outcome == ChangeOutcome.REJECTED ? new Rejection("minor-without-guardian", "no guardian") : null, requested,
                before, left, T0.plusSeconds(seq), T0.plusSeconds(seq), Source.API, new Actor("crm"), Evidence.NONE, null,
                Optional.ofNullable(history.isEmpty() ? null : history.getLast().hash()).orElse(ConsentChange.GENESIS));
        history.add(change);
        return change;
    }

    private static RecordState state(ConsentState state, int day) {
        return new RecordState(state, T0.plus(Duration.ofDays(day)), Source.API, Evidence.NONE);
    }
}
