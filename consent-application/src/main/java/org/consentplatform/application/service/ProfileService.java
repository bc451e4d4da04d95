package org.consentplatform.application.service;

import org.consentplatform.application.port.in.ManageProfiles;
import org.consentplatform.application.port.out.ComplianceProfiles;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.ProfileDefinition;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.util.List;

public final class ProfileService implements ManageProfiles {

    private final ComplianceProfiles profiles;

    public ProfileService(ComplianceProfiles profiles) {
        this.profiles = profiles;
    }

    @Override
    public ComplianceProfile create(TenantId tenant, TechnicalId profileId, ProfileDefinition definition) {
        ComplianceProfile profile = ComplianceProfile.create(tenant, profileId, definition);
        profiles.add(profile);
        return profile;
    }

    @Override
    public ComplianceProfile get(TenantId tenant, TechnicalId profileId) {
        return profiles.find(tenant, profileId)
                .orElseThrow(() -> new DomainRejection.NotFound("profile '" + profileId + "' does not exist"));
    }

    @Override
    public List<ComplianceProfile> list(TenantId tenant) {
        return profiles.all(tenant);
    }

    @Override
    public ComplianceProfile revise(TenantId tenant, TechnicalId profileId, ProfileDefinition definition, long expectedVersion) {
        ComplianceProfile revised = get(tenant, profileId).revise(definition, expectedVersion);
        profiles.replace(revised);
        return revised;
    }
}
