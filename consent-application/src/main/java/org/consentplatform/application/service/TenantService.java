package org.consentplatform.application.service;

import org.consentplatform.application.port.in.ManageTenants;
import org.consentplatform.application.port.out.Tenants;
import org.consentplatform.domain.tenant.TenantId;
import org.consentplatform.domain.tenant.TenantSettings;

public final class TenantService implements ManageTenants {

    private final Tenants tenants;

    public TenantService(Tenants tenants) {
        this.tenants = tenants;
    }

    @Override
    public TenantSettings settings(TenantId tenant) {
        return tenants.inForce(tenant);
    }

    @Override
    public TenantSettings configure(TenantId tenant, TenantSettings settings) {
        tenants.save(tenant, settings);
        return settings;
    }
}
