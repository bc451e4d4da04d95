package org.consentplatform.domain.receipt;

import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.RecordState;
import org.consentplatform.domain.consent.Source;

import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Instant;

/**
 * What the platform attests about one record, shaped after ISO/IEC TS 27560 and the Kantara
 * consent receipt: who controls the data, whose contact point, for which purpose on which
 * legal basis, the state, when and how it was given, the wording shown, and the history entry
 * that set it (so the receipt can be checked against the audit trail).
 */
public record ConsentReceipt(String receiptId, Instant issuedAt, TenantId tenant, String controllerName,
                             String controllerAddress, RecordKey record, Purpose purpose, ConsentState state,
                             Instant capturedAt, Source source, Evidence evidence, String changeId, long seq, String changeHash) {

    /**
     * A receipt for the record's current state, which the newest applied entry of its history set.
     *
     * @throws DomainRejection.NotFound when no consent is recorded
     */
    public static ConsentReceipt ofHistory(String receiptId, Instant issuedAt, ComplianceProfile profile, RecordKey key,
                                           Iterable<ConsentChange> historyInSeqOrder) {
        ConsentChange setting = settingChange(historyInSeqOrder);
        if (setting == null || setting.after() == null || setting.after().state() == null) {
            throw new DomainRejection.NotFound("no consent is recorded for " + key + (setting != null && setting.after() != null
                    && setting.after().expired() ? ": its opt-in expired" : ""));
        }
        return of(receiptId, issuedAt, profile, setting);
    }

    /**
     * Whether a receipt can attest the record's current state: one an applied change set, not
     * absent or expired, and not awaiting its double opt-in confirmation.
     */
    public static boolean attestable(Iterable<ConsentChange> historyInSeqOrder) {
        ConsentChange setting = settingChange(historyInSeqOrder);
        return setting != null && setting.after() != null && setting.after().state() != null
                && setting.after().state() != ConsentState.PENDING_CONFIRMATION;
    }

    /** The newest applied entry: the one that set the current state. */
    private static ConsentChange settingChange(Iterable<ConsentChange> historyInSeqOrder) {
        ConsentChange setting = null;
        for (ConsentChange change : historyInSeqOrder) {
            if (change.applied()) {
                setting = change;
            }
        }
        return setting;
    }

    /** A receipt for the state that {@code settingChange}, an applied entry, set. */
    static ConsentReceipt of(String receiptId, Instant issuedAt, ComplianceProfile profile, ConsentChange settingChange) {
        if (!settingChange.applied() || settingChange.after() == null) {
            throw new IllegalArgumentException("a receipt attests the state set by an applied change");
        }
        RecordState state = settingChange.after();
        if (state.state() == ConsentState.PENDING_CONFIRMATION) {
            throw new DomainRejection.RuleViolation("receipt-pending",
                    "the opt-in awaits its double opt-in confirmation: a receipt is issued once it is confirmed");
        }
        RecordKey key = settingChange.key();
        return new ConsentReceipt(receiptId, issuedAt, profile.tenant(), profile.name(), profile.companyAddress(), key,
                profile.requirePurpose(key.purposeId()), state.state(), state.capturedAt(), state.source(), state.evidence(),
                settingChange.id(), settingChange.seq(), settingChange.hash());
    }
}
