package org.consentplatform.domain.contactpoint;

import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InvalidInputs;
import org.consentplatform.domain.shared.Violation;

import java.util.ArrayList;

/**
 * A contact point as a caller wrote it: the channel identifier checked, the address not yet
 * normalised, because normalising needs the tenant's rules ({@code TenantSettings.contactPoint}):
 * its custom channels, its e-mail case rule and its default phone region.
 */
public record RawContactPoint(Channel channel, String address) {

    public RawContactPoint {
        InvalidInputs.requireNonNull("channel", channel);
        InvalidInputs.requireNonNull("address", address);
    }

    /** Both parts checked at once, each reason under its field. */
    public static RawContactPoint parse(String rawChannel, String rawAddress) {
        var violations = new ArrayList<Violation>(2);
        Channel channel = null;
        try {
            channel = Channel.of("channel", rawChannel);
        } catch (DomainRejection.InvalidInput e) {
            violations.addAll(e.violations());
        }
        if (rawAddress == null || rawAddress.isBlank()) {
            violations.add(new Violation("address", "is required"));
        }
        if (!violations.isEmpty()) {
            throw new DomainRejection.InvalidInput(violations);
        }
        return new RawContactPoint(channel, rawAddress);
    }
}
