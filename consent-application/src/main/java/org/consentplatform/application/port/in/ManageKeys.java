package org.consentplatform.application.port.in;

import org.consentplatform.application.port.KeyringStatus;
import org.consentplatform.domain.tenant.TenantId;

/** The tenant's key-encryption key, as an administrator manages it (ADR 40). */
public interface ManageKeys {

    KeyringStatus keys(TenantId tenant);

    /** Rotates the key that wraps the tenant's data keys: no downtime, nothing rewritten, history untouched. */
    KeyringStatus rotate(TenantId tenant);
}
