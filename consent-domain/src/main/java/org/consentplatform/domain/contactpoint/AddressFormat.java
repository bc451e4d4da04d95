package org.consentplatform.domain.contactpoint;

import org.consentplatform.domain.shared.DomainRejection;

/** What an address on a channel looks like, and so how it is normalised. */
public enum AddressFormat {
    EMAIL {
        @Override
        public String normalise(String field, String raw, NormalisationRules rules) {
            return EmailAddresses.normalise(field, raw, rules.lowercaseWholeEmail());
        }
    },
    PHONE {
        @Override
        public String normalise(String field, String raw, NormalisationRules rules) {
            return PhoneNumbers.toE164(field, raw, rules.defaultPhoneRegion());
        }
    },
    /** Free text (postal addresses, custom channel handles): trimmed, inner white space folded. */
    TEXT {
        @Override
        public String normalise(String field, String raw, NormalisationRules rules) {
            if (raw == null || raw.isBlank()) {
                throw DomainRejection.InvalidInput.of(field, "is required");
            }
            String folded = raw.strip().replaceAll("\\s+", " ");
            if (folded.length() > 320) {
                throw DomainRejection.InvalidInput.of(field, "must be at most 320 characters");
            }
            if (folded.indexOf('|') >= 0 || folded.chars().anyMatch(Character::isISOControl)) {
                throw DomainRejection.InvalidInput.of(field, "must not contain '|' or control characters");
            }
            return folded;
        }
    };

    public abstract String normalise(String field, String raw, NormalisationRules rules);
}
