package org.consentplatform.application.service;

import org.consentplatform.application.port.KeyringStatus;
import org.consentplatform.application.port.in.ManageKeys;
import org.consentplatform.application.port.out.TenantKeys;
import org.consentplatform.domain.tenant.TenantId;

/** Key rotation is the keyring's own business; this only lets an administrator ask for it. */
public final class KeyService implements ManageKeys {

    private final TenantKeys keys;

    public KeyService(TenantKeys keys) {
        this.keys = keys;
    }

    @Override
    public KeyringStatus keys(TenantId tenant) {
        return keys.status(tenant);
    }

    @Override
    public KeyringStatus rotate(TenantId tenant) {
        return keys.rotate(tenant);
    }
}
