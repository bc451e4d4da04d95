package org.consentplatform.application.service;

import org.consentplatform.application.port.out.Tenants;
import org.consentplatform.domain.tenant.TenantId;
import org.consentplatform.domain.tenant.TenantSettings;

import java.util.Optional;

/** Tenants that never stored settings: they run on the defaults. */
final class NoTenantSettings implements Tenants {

    @Override
    public Optional<TenantSettings> settings(TenantId tenant) {
        return Optional.empty();
    }

    @Override
    public void save(TenantId tenant, TenantSettings settings) {
    }
}
