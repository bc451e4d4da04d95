package org.consentplatform.application.port.out;

import org.consentplatform.application.port.KeyringStatus;
import org.consentplatform.domain.tenant.TenantId;

/** A tenant's key-encryption key (ADR 40): rotated without rewriting anything, described without key material. */
public interface TenantKeys {

    KeyringStatus status(TenantId tenant);

    /** Makes a new key the primary; the others stay, so every data key still unwraps. */
    KeyringStatus rotate(TenantId tenant);
}
