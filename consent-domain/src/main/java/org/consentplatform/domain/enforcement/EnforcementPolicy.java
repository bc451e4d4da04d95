package org.consentplatform.domain.enforcement;

import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantSettings;

import java.util.ArrayList;

/**
 * Decides, right before a message goes out, whether it may be sent and tracked. Being in a
 * segment never implies permission: every rule is checked every time.
 */
public final class EnforcementPolicy {

    private EnforcementPolicy() {
    }

    public static Decision decide(MessageIntent intent, TenantSettings settings, RecordStates states) {
        var reasons = new ArrayList<Reason>();
        for (Check check : Check.values()) {
            reasons.addAll(check.apply(intent, settings.checkContactLevelConsent(), states));
        }
        return Decision.of(intent.purpose(), reasons);
    }

    /**
     * Whether one record, on its own, lets its purpose's messages (or tracking, for the TRACKING
     * purpose) through on its contact point's channel: §2's model, with §5's pending block and
     * §10's lifetime.
     */
    public static boolean recordPermits(ComplianceProfile profile, RecordKey key, RecordStates states) {
        return Check.recordPermits(profile, profile.requirePurpose(key.purposeId()), key, states);
    }

    /**
     * Whether any record of the purpose (or of one of its topics) counted as {@code state} (null:
     * absent) lets messages through on the channel: what a record's verdict is when only its state
     * is known, as in reports.
     */
    public static boolean statePermits(ComplianceProfile profile, TechnicalId purposeId, Channel channel, ConsentState state) {
        return Check.statePermits(profile, profile.requirePurpose(purposeId), channel, state);
    }

    /** The state a record counts as: its own, except that an expired (§10), unguarded (§12) or superseded (§15) opt-in counts as absent. */
    public static ConsentState countedState(ComplianceProfile profile, RecordKey key, RecordStates states) {
        return Check.counted(profile, profile.requirePurpose(key.purposeId()), key, states);
    }
}
