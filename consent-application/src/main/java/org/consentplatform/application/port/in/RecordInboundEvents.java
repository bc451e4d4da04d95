package org.consentplatform.application.port.in;

import java.time.Instant;

/** Turns what mail and SMS providers report (unsubscribes, hard bounces, spam complaints) into opt-outs. */
public interface RecordInboundEvents {

    /** An inbound event as it arrived; every part is checked and normalised. */
    record InboundCommand(String id, String tenant, String kind, String channel, String address, String profileId,
                          String purposeId, String topicId, Instant occurredAt, String provider) {
    }

    /** @param optOuts how many opt-outs were recorded (0 for a duplicate) */
    record Outcome(boolean duplicate, int optOuts) {
    }

    /**
     * Applies the event once: an event id already applied is acknowledged as a duplicate.
     *
     * @throws org.consentplatform.domain.shared.DomainRejection when the event can never be applied
     */
    Outcome record(InboundCommand event);
}
