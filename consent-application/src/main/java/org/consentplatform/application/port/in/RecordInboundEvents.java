package org.consentplatform.application.port.in;

import org.consentplatform.domain.contactpoint.RawContactPoint;
import org.consentplatform.domain.inbound.InboundEvent;
import org.consentplatform.domain.shared.InvalidInputs;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Instant;

/** Turns what mail and SMS providers report (unsubscribes, hard bounces, spam complaints) into opt-outs. */
public interface RecordInboundEvents {

    /** An inbound event, its parts parsed; the address is normalised by the tenant's rules. */
    record InboundCommand(String id, TenantId tenant, InboundEvent.Kind kind, RawContactPoint contactPoint, TechnicalId profileId,
                          TechnicalId purposeId, TechnicalId topicId, Instant occurredAt, String provider) {

        public InboundCommand {
            InvalidInputs.requireNonNull("tenant", tenant);
            InvalidInputs.requireNonNull("kind", kind);
            InvalidInputs.requireNonNull("contactPoint", contactPoint);
        }
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
