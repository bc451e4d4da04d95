package org.consentplatform.domain.tenant;

import org.consentplatform.domain.shared.TechnicalId;

/** A business unit or brand. Every stored thing belongs to exactly one. */
public record TenantId(String value) {

    public TenantId {
        TechnicalId.parse("tenantId", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
