package org.consentplatform.domain.contact;

import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.Rejection;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.shared.InvalidInputs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A contact point flagged as a minor's (§12): below the tenant's age of digital consent, an
 * opt-in counts only when a parent or guardian gave it, named in the evidence.
 *
 * @param birthDate null: a minor until the flag is removed
 */
public record MinorFlag(ContactPoint contactPoint, LocalDate birthDate) {

    public MinorFlag {
        InvalidInputs.requireNonNull("contactPoint", contactPoint);
    }

    /** Whether the person is below the age of digital consent at that instant. */
    public boolean minorAt(Instant now, int ageOfDigitalConsent) {
        return birthDate == null || now.atOffset(ZoneOffset.UTC).toLocalDate().isBefore(minorUntil(ageOfDigitalConsent));
    }

    /** The day the person reaches the age of digital consent; null without a birth date. */
    public LocalDate minorUntil(int ageOfDigitalConsent) {
        return birthDate == null ? null : birthDate.plusYears(ageOfDigitalConsent);
    }

    /**
     * Refuses an opt-in for a minor that no parent or guardian gave; opt-outs are always taken.
     *
     * @return the rejection {@code guardian-required}, empty when the capture may be recorded
     */
    public Optional<Rejection> refusal(ConsentCapture capture, Instant now, int ageOfDigitalConsent) {
        if (capture.state() == ConsentState.OPTED_IN && minorAt(now, ageOfDigitalConsent) && capture.evidence().guardian() == null) {
            return Optional.of(new Rejection("guardian-required", "the contact point belongs to a minor (under "
                    + ageOfDigitalConsent + "): an opt-in counts only when a parent or guardian gives it; "
                    + "name them in evidence.guardian"));
        }
        return Optional.empty();
    }
}
