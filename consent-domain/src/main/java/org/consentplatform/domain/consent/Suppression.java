package org.consentplatform.domain.consent;

import org.consentplatform.domain.shared.InvalidInputs;

import java.time.Instant;
import java.util.Optional;

/**
 * What stays of an erased contact point (§13): the store keeps it under the contact point's keyed
 * hash, with when it was erased and on which legal ground, and nothing else. While it stands,
 * every commercial and tracking purpose blocks, a load cannot bring the contact point back, and
 * only an opt-in the person gives again lifts it.
 *
 * @param requestId      the erasure request that filed it
 * @param legalReference the ground the erasure was made on, as the data protection officer wrote it
 */
public record Suppression(String requestId, Instant erasedAt, String legalReference) {

    public Suppression {
        requestId = InvalidInputs.requiredText("requestId", requestId, 64);
        InvalidInputs.requireNonNull("erasedAt", erasedAt);
        legalReference = InvalidInputs.requiredText("legalReference", legalReference, 200);
    }

    /**
     * Refuses an opt-in that is not the person's own act (a load, an operator, a provider): it
     * would bring back someone who asked to be forgotten. Opt-outs are always taken.
     *
     * @return the rejection {@code erased}, empty when the capture may be recorded
     */
    public Optional<Rejection> refusal(ConsentCapture capture) {
        if (capture.state() == ConsentState.OPTED_IN && !capture.source().givenByThePerson()) {
            return Optional.of(new Rejection("erased", "the contact point was erased at the person's request: only an "
                    + "opt-in the person gives again (API, form, preference or subscription center, double opt-in) "
                    + "can bring it back"));
        }
        return Optional.empty();
    }

    /**
     * Whether the capture needs the address stored again: the person gave it anew with an opt-in,
     * which lifts the suppression, or which waits for their double opt-in confirmation (mailed to
     * that address) and lifts it once confirmed.
     */
    public static boolean readmits(ConsentCapture capture) {
        return capture.state() == ConsentState.OPTED_IN && capture.source().givenByThePerson();
    }

    /**
     * Whether the change lifts the suppression: an applied opt-in the person gave. An opt-in left
     * waiting for confirmation does not: anybody can type an address into a form.
     */
    public static boolean liftedBy(ConsentChange change) {
        return change.applied() && change.after() != null && change.after().state() == ConsentState.OPTED_IN
                && change.source().givenByThePerson();
    }
}
