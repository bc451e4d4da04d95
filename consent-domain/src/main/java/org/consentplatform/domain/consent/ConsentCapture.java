package org.consentplatform.domain.consent;

import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InvalidInputs;

import java.time.Duration;
import java.time.Instant;

/**
 * A person's consent decision as reported to the platform.
 *
 * @param correlationId ties the change to the request or job that made it
 */
public record ConsentCapture(RecordKey key, ConsentState state, Instant capturedAt, Source source, Actor actor,
                             Evidence evidence, String correlationId) {

    /** Tolerated clock skew of callers: a capture further in the future would lock out every later change. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    public ConsentCapture {
        InvalidInputs.requireNonNull("key", key);
        InvalidInputs.requireNonNull("state", state);
        if (state == ConsentState.PENDING_CONFIRMATION) {
            throw DomainRejection.InvalidInput.of("state",
                    "must be OPTED_IN or OPTED_OUT: a pending confirmation is made by the double opt-in flow");
        }
        InvalidInputs.requireNonNull("capturedAt", capturedAt);
        InvalidInputs.requireNonNull("source", source);
        InvalidInputs.requireNonNull("actor", actor);
        evidence = evidence == null ? Evidence.NONE : evidence;
        correlationId = InvalidInputs.optionalText("correlationId", correlationId, 128);
    }

    /**
     * Whether this capture leaves its record waiting for the person's confirmation (§5): an
     * opt-in where double opt-in is required, unless it is that confirmation.
     */
    public boolean awaitsConfirmation(boolean doubleOptInRequired) {
        return doubleOptInRequired && state == ConsentState.OPTED_IN && source != Source.DOUBLE_OPT_IN;
    }

    /** Refuses a capture time too far ahead of the platform's clock. */
    public ConsentCapture notAfter(Instant now) {
        if (capturedAt.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            throw DomainRejection.InvalidInput.of("capturedAt", "must not be in the future");
        }
        return this;
    }
}
