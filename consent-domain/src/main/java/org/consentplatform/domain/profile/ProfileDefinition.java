package org.consentplatform.domain.profile;

import java.util.List;

/**
 * What a user says a profile is. Null default consents, double opt-in settings and branding mean "the
 * defaults" at creation and "unchanged" on revision; null purposes mean "the defaults" at creation.
 */
public record ProfileDefinition(String name, String companyAddress, List<Purpose> purposes,
                                List<DefaultConsent> defaultConsents, DoubleOptInSettings doubleOptIn, Branding branding) {

    public ProfileDefinition(String name, String companyAddress, List<Purpose> purposes, List<DefaultConsent> defaultConsents) {
        this(name, companyAddress, purposes, defaultConsents, null, null);
    }

    public ProfileDefinition(String name, String companyAddress, List<Purpose> purposes, List<DefaultConsent> defaultConsents,
                             DoubleOptInSettings doubleOptIn) {
        this(name, companyAddress, purposes, defaultConsents, doubleOptIn, null);
    }
}
