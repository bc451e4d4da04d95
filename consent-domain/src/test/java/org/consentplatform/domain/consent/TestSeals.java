package org.consentplatform.domain.consent;

import org.consentplatform.domain.contactpoint.SealedAddress;

/** Stand-ins for the store's pseudonym and ciphertext: distinct per contact point, as the real ones are. */
public final class TestSeals {

    private TestSeals() {
    }

    public static SealedAddress of(RecordKey key) {
        String contactPoint = key.contactPoint().key();
        return new SealedAddress("pseudonym-" + ConsentChange.sha256(contactPoint).substring(0, 43),
                "ciphertext-" + ConsentChange.sha256("c" + contactPoint));
    }
}
