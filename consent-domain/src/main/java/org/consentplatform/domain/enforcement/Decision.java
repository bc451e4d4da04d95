package org.consentplatform.domain.enforcement;

import org.consentplatform.domain.profile.LegalBasis;
import org.consentplatform.domain.profile.Purpose;

import java.util.List;

/**
 * Whether a message may be sent and tracked, with every check that was made. A message is
 * sent when all its message checks permit; tracked when all tracking checks permit.
 *
 * @param legalBasis what the message's purpose rests on
 * @param partner    the third party the purpose shares data with, or null
 */
public record Decision(boolean send, boolean track, List<Reason> reasons, LegalBasis legalBasis, String partner) {

    static Decision of(Purpose purpose, List<Reason> reasons) {
        boolean send = reasons.stream().filter(r -> r.aspect() == Aspect.MESSAGE).allMatch(Reason::permits);
        boolean track = reasons.stream().filter(r -> r.aspect() == Aspect.TRACKING).allMatch(Reason::permits);
        return new Decision(send, track, List.copyOf(reasons), purpose.legalBasis(), purpose.partner());
    }

    /** The checks that blocked, or all checks when none did: what decided it. */
    public List<Reason> decisive(Aspect aspect) {
        List<Reason> ofAspect = reasons.stream().filter(r -> r.aspect() == aspect).toList();
        List<Reason> blocking = ofAspect.stream().filter(r -> !r.permits()).toList();
        return blocking.isEmpty() ? ofAspect : blocking;
    }
}
