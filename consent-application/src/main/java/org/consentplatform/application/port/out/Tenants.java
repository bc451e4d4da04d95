package org.consentplatform.application.port.out;

import org.consentplatform.domain.tenant.TenantId;
import org.consentplatform.domain.tenant.TenantSettings;

import java.util.Optional;

/** Stored tenant settings. */
public interface Tenants {

    Optional<TenantSettings> settings(TenantId tenant);

    /** The settings in force: a tenant that never stored any runs on the defaults. */
    default TenantSettings inForce(TenantId tenant) {
        return settings(tenant).orElse(TenantSettings.DEFAULTS);
    }

    void save(TenantId tenant, TenantSettings settings);
}
