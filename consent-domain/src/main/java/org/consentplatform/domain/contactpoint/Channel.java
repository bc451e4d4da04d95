package org.consentplatform.domain.contactpoint;

import org.consentplatform.domain.shared.TechnicalId;

import java.util.List;

/** How a message travels: one of the built-in channels or a tenant-defined one. */
public record Channel(TechnicalId id) {

    public static final Channel EMAIL = new Channel(new TechnicalId("EMAIL"));
    public static final Channel SMS = new Channel(new TechnicalId("SMS"));
    public static final Channel VOICE = new Channel(new TechnicalId("VOICE"));
    public static final Channel POSTAL = new Channel(new TechnicalId("POSTAL"));

    public static final List<Channel> BUILT_IN = List.of(EMAIL, SMS, VOICE, POSTAL);

    public static Channel of(String field, String raw) {
        return new Channel(TechnicalId.parse(field, raw));
    }

    public boolean isBuiltIn() {
        return BUILT_IN.contains(this);
    }

    /** The address format of a built-in channel. */
    public AddressFormat builtInFormat() {
        if (equals(EMAIL)) {
            return AddressFormat.EMAIL;
        }
        if (equals(SMS) || equals(VOICE)) {
            return AddressFormat.PHONE;
        }
        if (equals(POSTAL)) {
            return AddressFormat.TEXT;
        }
        throw new IllegalStateException(this + " is not a built-in channel");
    }

    @Override
    public String toString() {
        return id.value();
    }
}
