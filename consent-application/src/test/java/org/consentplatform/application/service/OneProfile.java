package org.consentplatform.application.service;

import org.consentplatform.application.port.out.ComplianceProfiles;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** A tenant with one profile, as the test currently defines it; writes are ignored. */
final class OneProfile implements ComplianceProfiles {

    private final Supplier<ComplianceProfile> profile;

    OneProfile(Supplier<ComplianceProfile> profile) {
        this.profile = profile;
    }

    @Override
    public Optional<ComplianceProfile> find(TenantId tenant, TechnicalId profileId) {
        return Optional.of(profile.get()).filter(p -> p.id().equals(profileId));
    }

    @Override
    public List<ComplianceProfile> all(TenantId tenant) {
        return List.of(profile.get());
    }

    @Override
    public void add(ComplianceProfile added) {
    }

    @Override
    public void replace(ComplianceProfile revised) {
    }
}
