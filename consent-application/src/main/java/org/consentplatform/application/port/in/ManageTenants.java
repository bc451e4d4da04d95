package org.consentplatform.application.port.in;

import org.consentplatform.domain.tenant.TenantId;
import org.consentplatform.domain.tenant.TenantSettings;

/** Reads and changes a tenant's settings; a tenant that never set any runs on the defaults. */
public interface ManageTenants {

    TenantSettings settings(TenantId tenant);

    TenantSettings configure(TenantId tenant, TenantSettings settings);
}
