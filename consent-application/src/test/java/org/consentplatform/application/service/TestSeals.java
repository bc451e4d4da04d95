package org.consentplatform.application.service;

import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.contactpoint.SealedAddress;

/** Stand-ins for the store's pseudonym and ciphertext (the store makes real ones): distinct per contact point. */
final class TestSeals {

    private TestSeals() {
    }

    static SealedAddress of(RecordKey key) {
        return new SealedAddress(pseudonym(key.contactPoint()), "ciphertext-" + key.contactPoint().key());
    }

    static String pseudonym(ContactPoint contactPoint) {
        return "pseudonym-" + contactPoint.key();
    }
}
