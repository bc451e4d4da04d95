package org.consentplatform.domain.profile;

import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.Violation;
import org.consentplatform.domain.tenant.TenantSettings;

import java.util.ArrayList;
import java.util.List;

/**
 * What a user says a profile is. Null default consents, double opt-in settings, branding, SMS
 * programme, notices and notice policy mean "the defaults" at creation and "unchanged" on
 * revision; null purposes mean "the defaults" at creation.
 */
public record ProfileDefinition(String name, String companyAddress, List<Purpose> purposes,
                                List<DefaultConsent> defaultConsents, DoubleOptInSettings doubleOptIn, Branding branding,
                                SmsProgramme sms, List<Notice> notices, NoticePolicy noticePolicy) {

    public ProfileDefinition(String name, String companyAddress, List<Purpose> purposes, List<DefaultConsent> defaultConsents,
                             DoubleOptInSettings doubleOptIn, Branding branding) {
        this(name, companyAddress, purposes, defaultConsents, doubleOptIn, branding, null, null, null);
    }

    public ProfileDefinition(String name, String companyAddress, List<Purpose> purposes, List<DefaultConsent> defaultConsents,
                             DoubleOptInSettings doubleOptIn, Branding branding, SmsProgramme sms) {
        this(name, companyAddress, purposes, defaultConsents, doubleOptIn, branding, sms, null, null);
    }

    /**
     * Models name only channels the tenant has, built in or its own: a model on a channel that
     * does not exist would never apply, and its key could not be stored as a field name.
     */
    public void requireKnownChannels(TenantSettings settings) {
        var violations = new ArrayList<Violation>();
        for (int i = 0; purposes != null && i < purposes.size(); i++) {
            for (Channel channel : purposes.get(i).models().keySet()) {
                if (settings.channel(channel).isEmpty()) {
                    violations.add(new Violation("purposes[" + i + "].models." + channel,
                            "is neither a built-in channel nor one of the tenant's custom channels"));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new DomainRejection.InvalidInput(violations);
        }
    }

    public ProfileDefinition(String name, String companyAddress, List<Purpose> purposes, List<DefaultConsent> defaultConsents) {
        this(name, companyAddress, purposes, defaultConsents, null, null);
    }

    public ProfileDefinition(String name, String companyAddress, List<Purpose> purposes, List<DefaultConsent> defaultConsents,
                             DoubleOptInSettings doubleOptIn) {
        this(name, companyAddress, purposes, defaultConsents, doubleOptIn, null);
    }
}
