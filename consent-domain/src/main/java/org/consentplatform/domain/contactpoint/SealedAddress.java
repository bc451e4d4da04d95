package org.consentplatform.domain.contactpoint;

import org.consentplatform.domain.shared.InvalidInputs;

/**
 * A contact point as the store holds it: its pseudonym (a keyed hash of the contact point,
 * keyed per tenant) and its address encrypted under the person's own data key. The history's
 * hashes cover these in place of the address, so shredding that key erases the address and
 * leaves every hash valid (ADR 37).
 */
public record SealedAddress(String pseudonym, String ciphertext) {

    public SealedAddress {
        InvalidInputs.requireNonNull("pseudonym", pseudonym);
        InvalidInputs.requireNonNull("ciphertext", ciphertext);
    }

    /** A contact point whose address the store does not hold (it was erased): its ciphertext is empty. */
    public static SealedAddress withoutAddress(String pseudonym) {
        return new SealedAddress(pseudonym, "");
    }

    public boolean holdsAddress() {
        return !ciphertext.isEmpty();
    }
}
