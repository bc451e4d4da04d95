package org.consentplatform.domain.enforcement;

import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.profile.ComplianceProfile;
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

    /** The state a record counts as: its own, except that an expired opt-in counts as absent (§10). */
    public static ConsentState countedState(ComplianceProfile profile, RecordKey key, RecordStates states) {
        return Check.counted(profile.requirePurpose(key.purposeId()), key, states);
    }
}
