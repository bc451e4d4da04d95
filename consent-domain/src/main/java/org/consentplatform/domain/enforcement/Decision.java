package org.consentplatform.domain.enforcement;

import java.util.List;

/**
 * Whether a message may be sent and tracked, with every check that was made. A message is
 * sent when all its message checks permit; tracked when all tracking checks permit.
 */
public record Decision(boolean send, boolean track, List<Reason> reasons) {

    static Decision of(List<Reason> reasons) {
        boolean send = reasons.stream().filter(r -> r.aspect() == Aspect.MESSAGE).allMatch(Reason::permits);
        boolean track = reasons.stream().filter(r -> r.aspect() == Aspect.TRACKING).allMatch(Reason::permits);
        return new Decision(send, track, List.copyOf(reasons));
    }

    /** The checks that blocked, or all checks when none did: what decided it. */
    public List<Reason> decisive(Aspect aspect) {
        List<Reason> ofAspect = reasons.stream().filter(r -> r.aspect() == aspect).toList();
        List<Reason> blocking = ofAspect.stream().filter(r -> !r.permits()).toList();
        return blocking.isEmpty() ? ofAspect : blocking;
    }
}
