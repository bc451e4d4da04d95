package org.consentplatform.domain.contactpoint;

/** The tenant's choices that change how an address is normalised. */
public record NormalisationRules(boolean lowercaseWholeEmail, String defaultPhoneRegion) {
}
