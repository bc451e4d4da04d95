package org.consentplatform.domain.profile;

import java.util.List;

/**
 * What a user says a profile is. Null lists mean "the defaults" at creation and "unchanged"
 * for default consents on revision.
 */
public record ProfileDefinition(String name, String companyAddress, List<Purpose> purposes,
                                List<DefaultConsent> defaultConsents) {
}
