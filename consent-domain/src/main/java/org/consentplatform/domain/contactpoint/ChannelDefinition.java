package org.consentplatform.domain.contactpoint;

import org.consentplatform.domain.shared.InvalidInputs;

/** A channel a tenant can send on, with how its addresses are written. */
public record ChannelDefinition(Channel channel, String name, AddressFormat addressFormat) {

    public ChannelDefinition {
        InvalidInputs.requireNonNull("channel", channel);
        name = InvalidInputs.optionalText("name", name, 200);
        InvalidInputs.requireNonNull("addressFormat", addressFormat);
    }

    public static ChannelDefinition builtIn(Channel channel) {
        return new ChannelDefinition(channel, channel.toString(), channel.builtInFormat());
    }
}
