package org.consentplatform.adapter.in.rest.api;

import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.RawContactPoint;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InputCheck;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.shared.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What every mapper of the API uses (MapStruct calls its static methods): value objects written as
 * their text, contact points read as written, lists mapped naming each element's place.
 */
final class ValueMapping {

    private ValueMapping() {
    }

    static String map(TechnicalId id) {
        return id == null ? null : id.value();
    }

    static String map(Channel channel) {
        return channel == null ? null : channel.toString();
    }

    /** A contact point as written, both parts required; their reasons go to {@code input}. */
    static RawContactPoint contactPoint(InputCheck input, String channel, String address) {
        return input.attempt(() -> RawContactPoint.parse(channel, address));
    }

    /** Null when neither part is given; one part alone is refused. */
    static RawContactPoint optionalContactPoint(InputCheck input, String channel, String address) {
        return channel == null && address == null ? null : contactPoint(input, channel, address);
    }

    /** Maps each element, naming its position in any rejection. */
    static <A, D> List<D> indexed(String field, List<A> items, Function<A, D> mapping) {
        var mapped = new ArrayList<D>(items.size());
        for (int i = 0; i < items.size(); i++) {
            A item = items.get(i);
            if (item == null) {
                throw new DomainRejection.InvalidInput(List.of(new Violation(field + "[" + i + "]", "must not be null")));
            }
            try {
                mapped.add(mapping.apply(item));
            } catch (DomainRejection.InvalidInput e) {
                throw e.prefixed(field + "[" + i + "]");
            }
        }
        return mapped;
    }
}
