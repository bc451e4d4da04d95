package org.consentplatform.domain.contactpoint;

import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InvalidInputs;

/**
 * One normalised address on one channel. Consent is stored per contact point, not per person.
 * The store knows a contact point by its pseudonym; read back without its address (not needed,
 * or erased), it is <em>withheld</em>: {@code address} is null and {@code pseudonym} names it.
 *
 * @param pseudonym only for a withheld contact point: the keyed hash the store files it under
 */
public record ContactPoint(Channel channel, String address, String pseudonym) {

    public ContactPoint {
        InvalidInputs.requireNonNull("channel", channel);
        if ((address == null) == (pseudonym == null)) {
            throw new IllegalArgumentException("a contact point has either its address or, withheld, its pseudonym");
        }
    }

    public ContactPoint(Channel channel, String address) {
        this(channel, requireAddress(address), null);
    }

    /** A contact point known only by its pseudonym. */
    public static ContactPoint withheld(Channel channel, String pseudonym) {
        InvalidInputs.requireNonNull("pseudonym", pseudonym);
        return new ContactPoint(channel, null, pseudonym);
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

    public boolean isWithheld() {
        return address == null;
    }

    /**
     * Stable text form {@code channel|address}, also the event key's suffix; withheld,
     * {@code channel||pseudonym}, which no address can imitate (no normalised address holds '|').
     */
    public String key() {
        return isWithheld() ? channel + "||" + pseudonym : channel + "|" + address;
    }

    @Override
    public String toString() {
        return key();
    }

    private static String requireAddress(String address) {
        InvalidInputs.requireNonNull("address", address);
        return address;
    }
}
