package org.consentplatform.application.service;

import org.consentplatform.application.port.out.ComplianceProfiles;
import org.consentplatform.application.port.out.Tenants;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.consentplatform.domain.tenant.TenantSettings;

/** Turns the identifiers callers write into the tenant's settings, profiles and record keys. */
final class Lookups {

    private final Tenants tenants;
    private final ComplianceProfiles profiles;

    Lookups(Tenants tenants, ComplianceProfiles profiles) {
        this.tenants = tenants;
        this.profiles = profiles;
    }

    TenantSettings settings(TenantId tenant) {
        return tenants.inForce(tenant);
    }

    ComplianceProfile profile(TenantId tenant, TechnicalId profileId) {
        return profiles.require(tenant, profileId);
    }

    /** The key of a record, checking that the purpose and topic exist in the profile. */
    static RecordKey recordKey(ComplianceProfile profile, ContactPoint contactPoint, TechnicalId purposeId, TechnicalId topicId) {
        Purpose purpose = profile.requirePurpose(purposeId);
        if (topicId != null) {
            purpose.topic(topicId).orElseThrow(() -> new DomainRejection.NotFound(
                    "topic '" + topicId + "' is not defined under purpose '" + purpose.id() + "'"));
        }
        return new RecordKey(profile.id(), contactPoint, purpose.id(), topicId);
    }
}
