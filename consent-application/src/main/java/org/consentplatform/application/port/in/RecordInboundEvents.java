package org.consentplatform.application.port.in;

import org.consentplatform.domain.contactpoint.RawContactPoint;
import org.consentplatform.domain.inbound.InboundEvent;
import org.consentplatform.domain.profile.SmsKeyword;
import org.consentplatform.domain.shared.InvalidInputs;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Instant;

/**
 * Turns what mail and SMS providers report into consent: unsubscribes, hard bounces and spam
 * complaints into opt-outs; texts sent to the tenant's numbers into what their keywords ask (§14).
 */
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
     * A text sent to one of the tenant's numbers.
     *
     * @param from the sender's number as the provider wrote it
     * @param to   the tenant's number (long number or short code)
     */
    record SmsCommand(String id, TenantId tenant, String from, String to, String text, Instant occurredAt, String provider) {

        public SmsCommand {
            InvalidInputs.requireNonNull("tenant", tenant);
            InvalidInputs.requiredText("from", from, 64);
            InvalidInputs.requiredText("to", to, 32);
        }
    }

    /**
     * @param keyword what the text asked; null when it was no keyword (nothing changed, nothing replied)
     * @param changes how many records changed (0 for a duplicate)
     */
    record SmsOutcome(boolean duplicate, SmsKeyword keyword, int changes) {
    }

    /**
     * Applies the event once: an event id already applied is acknowledged as a duplicate.
     *
     * @throws org.consentplatform.domain.shared.DomainRejection when the event can never be applied
     */
    Outcome record(InboundCommand event);

    /**
     * Applies a text once, by its event id, and hands its reply to the event stream before the id
     * counts as applied: a reply the broker did not take is sent again when the text is.
     *
     * @throws org.consentplatform.domain.shared.DomainRejection when the text can never be applied (number not bound)
     * @throws org.consentplatform.application.port.EventStreamUnavailable when the reply was not acknowledged
     */
    SmsOutcome record(SmsCommand text);
}
