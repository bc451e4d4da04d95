package org.consentplatform.domain.tenant;

/** A tenant as the platform knows it: a tenant without stored settings runs on the defaults. */
public record Tenant(TenantId id, TenantSettings settings) {

    public static Tenant withDefaults(TenantId id) {
        return new Tenant(id, TenantSettings.DEFAULTS);
    }
}
