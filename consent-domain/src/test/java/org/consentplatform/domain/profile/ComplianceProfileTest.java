package org.consentplatform.domain.profile;

import org.consentplatform.domain.consent.EnforcementModel;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComplianceProfileTest {

    private static final TenantId TENANT = new TenantId("acme");
    private final ComplianceProfile profile = ComplianceProfile.create(TENANT, new TechnicalId("retail"),
            new ProfileDefinition("Retail", "1 rue de la Paix, Paris", null, null));

    @Test
    void aPurposeOnConsentThatSendsWithoutAnOptInIsAcceptedWithAWarningPerChannel() {
        var partnerOffers = Purpose.define(new TechnicalId("partner-offers"), null, PurposeType.COMMERCIAL, LegalBasis.CONSENT,
                Map.of(Channel.EMAIL, EnforcementModel.DISABLED, Channel.SMS, EnforcementModel.RESTRICTIVE), null, false, "Acme Travel", null);
        var interest = Purpose.define(new TechnicalId("catalogue"), null, PurposeType.COMMERCIAL, LegalBasis.LEGITIMATE_INTEREST,
                Map.of(Channel.EMAIL, EnforcementModel.NON_RESTRICTIVE), null, false);
        var warned = ComplianceProfile.create(TENANT, new TechnicalId("travel"), new ProfileDefinition("Travel", null,
                List.of(partnerOffers, interest), null));

        assertThat(warned.complianceWarnings()).extracting(w -> w.purposeId() + " " + w.channel() + " " + w.model())
                .containsExactlyInAnyOrder("partner-offers EMAIL DISABLED", "partner-offers POSTAL NON_RESTRICTIVE");
        assertThat(warned.complianceWarnings().getFirst().message()).contains("rests on CONSENT");
        assertThat(warned.requirePurpose(new TechnicalId("partner-offers")).partner()).isEqualTo("Acme Travel");
    }

    @Test
    void aPartnerIsOneLineOfText() {
        assertThatThrownBy(() -> Purpose.define(new TechnicalId("p"), null, PurposeType.COMMERCIAL, null, null, null, false, "Acme\nBcc", null))
                .isInstanceOf(DomainRejection.InvalidInput.class);
    }

    @Test
    void aRevisionNeedsTheCurrentVersionAndIncrementsIt() {
        var definition = new ProfileDefinition("Retail FR", null, profile.purposes(), null);

        assertThat(profile.revise(definition, 1).version()).isEqualTo(2);
        assertThatThrownBy(() -> profile.revise(definition, 7)).isInstanceOf(DomainRejection.ConcurrentChange.class);
    }

    @Test
    void aPurposeKeepsItsType() {
        var purposes = new ArrayList<>(profile.purposes());
        purposes.add(Purpose.define(new TechnicalId("commercial"), null, PurposeType.TRANSACTIONAL, null, null, null, false));
        purposes.removeFirst();

        assertThatThrownBy(() -> profile.revise(new ProfileDefinition("Retail", null, purposes, null), 1))
                .isInstanceOfSatisfying(DomainRejection.RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("purpose-type-fixed"));
    }

    @Test
    void exactlyOneTrackingPurpose() {
        var purposes = new ArrayList<>(profile.purposes());
        purposes.add(Purpose.define(new TechnicalId("tracking2"), null, PurposeType.TRACKING, null, null, null, false));

        assertThatThrownBy(() -> profile.revise(new ProfileDefinition("Retail", null, purposes, null), 1))
                .isInstanceOf(DomainRejection.RuleViolation.class);
    }

    @Test
    void defaultConsentsKeepTheirChannelsAndDoubleOptInIsEmailOnly() {
        var commercial = new TechnicalId("commercial");
        var changedChannel = List.of(new DefaultConsent(Channel.EMAIL, commercial, "Mail", "2", true),
                new DefaultConsent(Channel.SMS, commercial, "SMS", "2", false),
                new DefaultConsent(Channel.POSTAL, commercial, "Post", "2", false));

        assertThatThrownBy(() -> profile.revise(new ProfileDefinition("Retail", null, profile.purposes(), changedChannel), 1))
                .isInstanceOfSatisfying(DomainRejection.RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("default-consent-channel-fixed"));
        assertThatThrownBy(() -> new DefaultConsent(Channel.SMS, commercial, "SMS", "2", true))
                .isInstanceOfSatisfying(DomainRejection.RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("double-opt-in-email-only"));

        var reworded = List.of(new DefaultConsent(Channel.EMAIL, commercial, "News by mail", "2", true),
                new DefaultConsent(Channel.SMS, commercial, "News by SMS", "2", false),
                new DefaultConsent(Channel.VOICE, commercial, "News by phone", "2", false));
        var revised = profile.revise(new ProfileDefinition("Retail", null, profile.purposes(), reworded), 1);
        assertThat(revised.requiresDoubleOptIn(revised.requirePurpose(commercial), Channel.EMAIL)).isTrue();
        assertThat(revised.requiresDoubleOptIn(revised.requirePurpose(commercial), Channel.SMS)).isFalse();
    }

    @Test
    void explicitModelsOverrideTheDefaults() {
        var purpose = Purpose.define(new TechnicalId("promo"), null, PurposeType.COMMERCIAL, null,
                Map.of(Channel.EMAIL, EnforcementModel.RESTRICTIVE), null, false);

        assertThat(purpose.modelFor(Channel.EMAIL)).contains(EnforcementModel.RESTRICTIVE);
        assertThat(purpose.modelFor(Channel.SMS)).contains(EnforcementModel.RESTRICTIVE);
        assertThat(purpose.modelFor(Channel.POSTAL)).contains(EnforcementModel.NON_RESTRICTIVE);
        assertThat(purpose.legalBasis()).isEqualTo(LegalBasis.CONSENT);
    }
}
