package org.consentplatform.domain.contactpoint;

import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InvalidInputs;

/** One normalised address on one channel. Consent is stored per contact point, not per person. */
public record ContactPoint(Channel channel, String address) {

    public ContactPoint {
        InvalidInputs.requireNonNull("channel", channel);
        InvalidInputs.requireNonNull("address", address);
    }

    /** Normalises a raw address as the channel's format and the tenant's rules say. */
    public static ContactPoint normalise(ChannelDefinition channel, String rawAddress, NormalisationRules rules) {
        if (rawAddress != null && rawAddress.chars().anyMatch(c -> Character.isISOControl(c) && !Character.isWhitespace(c))) {
            // white space (a postal address's line breaks too) is normalised away; NUL and the like are never part of one
            throw DomainRejection.InvalidInput.of("address", "must not contain control characters");
        }
        return new ContactPoint(channel.channel(),
                channel.addressFormat().normalise("address", rawAddress, rules));
    }

    /** Stable text form {@code channel|address}, also the event key's suffix. */
    public String key() {
        return channel + "|" + address;
    }

    @Override
    public String toString() {
        return key();
    }
}
