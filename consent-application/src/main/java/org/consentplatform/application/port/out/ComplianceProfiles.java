package org.consentplatform.application.port.out;

import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.util.List;
import java.util.Optional;

/** Stored compliance profiles, versioned for optimistic concurrency. */
public interface ComplianceProfiles {

    Optional<ComplianceProfile> find(TenantId tenant, TechnicalId profileId);

    /** @throws DomainRejection.NotFound when the tenant has no such profile */
    default ComplianceProfile require(TenantId tenant, TechnicalId profileId) {
        return find(tenant, profileId).orElseThrow(() -> new DomainRejection.NotFound("profile '" + profileId + "' does not exist"));
    }

    List<ComplianceProfile> all(TenantId tenant);

    /** @throws DomainRejection.AlreadyExists when the id is taken */
    void add(ComplianceProfile profile);

    /**
     * Stores a revision if the stored version is still the one before it.
     *
     * @throws DomainRejection.ConcurrentChange when someone else revised it first
     */
    void replace(ComplianceProfile revised);
}
