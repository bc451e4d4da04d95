package org.consentplatform.domain.profile;

import org.consentplatform.domain.consent.EnforcementModel;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.shared.TechnicalId;

/**
 * A purpose resting on CONSENT whose model on a channel sends (or tracks) without an opt-in.
 * The profile is accepted, since a team may have its reasons, but the risk is shown wherever
 * the profile is.
 */
public record ComplianceWarning(TechnicalId purposeId, Channel channel, EnforcementModel model) {

    public String message() {
        return "purpose '" + purposeId + "' rests on CONSENT but is " + model + " on " + channel + ": messages "
                + (model == EnforcementModel.DISABLED ? "go out whatever the person chose" : "go out to people who never opted in")
                + "; make it RESTRICTIVE, or record the legal basis it really rests on";
    }
}
