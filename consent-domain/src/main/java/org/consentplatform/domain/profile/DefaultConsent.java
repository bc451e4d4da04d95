package org.consentplatform.domain.profile;

import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InvalidInputs;
import org.consentplatform.domain.shared.TechnicalId;

/**
 * One of the profile's ready-made commercial consents ("commercial information by email / SMS /
 * phone"): the wording shown to people for a commercial purpose on one channel. The wording may
 * change; the channel may not.
 */
public record DefaultConsent(Channel channel, TechnicalId purposeId, String wording, String wordingVersion,
                             boolean doubleOptIn) {

    public DefaultConsent {
        InvalidInputs.requireNonNull("defaultConsents.channel", channel);
        InvalidInputs.requireNonNull("defaultConsents.purposeId", purposeId);
        wording = InvalidInputs.requiredText("defaultConsents.wording", wording, 2000);
        wordingVersion = InvalidInputs.requiredText("defaultConsents.wordingVersion", wordingVersion, 128);
        if (doubleOptIn && !channel.equals(Channel.EMAIL)) {
            throw new DomainRejection.RuleViolation("double-opt-in-email-only",
                    "double opt-in can only be required on the EMAIL channel, not on " + channel);
        }
    }
}
