package org.consentplatform.application.port.in;

import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.ProfileDefinition;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.util.List;

/** Creates, reads and revises compliance profiles. */
public interface ManageProfiles {

    ComplianceProfile create(TenantId tenant, TechnicalId profileId, ProfileDefinition definition);

    ComplianceProfile get(TenantId tenant, TechnicalId profileId);

    List<ComplianceProfile> list(TenantId tenant);

    /** Replaces the definition if {@code expectedVersion} is still the stored one. */
    ComplianceProfile revise(TenantId tenant, TechnicalId profileId, ProfileDefinition definition, long expectedVersion);
}
