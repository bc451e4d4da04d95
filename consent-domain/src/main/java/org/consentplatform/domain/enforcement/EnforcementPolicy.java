package org.consentplatform.domain.enforcement;

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
        return Decision.of(reasons);
    }
}
