package org.consentplatform.application.port.out;

import org.consentplatform.domain.tenant.TenantId;
import org.consentplatform.domain.tenant.TenantSettings;

import java.util.Optional;

/** Stored tenant settings. */
public interface Tenants {

    Optional<TenantSettings> settings(TenantId tenant);

    void save(TenantId tenant, TenantSettings settings);
}
