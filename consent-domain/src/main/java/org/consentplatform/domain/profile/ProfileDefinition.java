package org.consentplatform.domain.profile;

import java.util.List;

/**
 * What a user says a profile is. Null default consents and double opt-in settings mean "the
 * defaults" at creation and "unchanged" on revision; null purposes mean "the defaults" at creation.
 */
public record ProfileDefinition(String name, String companyAddress, List<Purpose> purposes,
                                List<DefaultConsent> defaultConsents, DoubleOptInSettings doubleOptIn) {

    public ProfileDefinition(String name, String companyAddress, List<Purpose> purposes, List<DefaultConsent> defaultConsents) {
        this(name, companyAddress, purposes, defaultConsents, null);
    }
}
