package org.consentplatform.application.port.in;

import org.consentplatform.domain.enforcement.ContactLevelSwitchImpact;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.consentplatform.domain.tenant.TenantSettings;

/** Reads and changes a tenant's settings; a tenant that never set any runs on the defaults. */
public interface ManageTenants {

    TenantSettings settings(TenantId tenant);

    TenantSettings configure(TenantId tenant, TenantSettings settings);

    /**
     * What setting {@code checkContactLevelConsent} (§4) to this value would do to decisions,
     * changing nothing: it reads every CONTACT with a legacy flag set, and their records.
     *
     * @param profileId the one profile to decide for; null: every profile of the tenant
     */
    ContactLevelSwitchImpact dryRunContactLevelConsent(TenantId tenant, boolean checkContactLevelConsent, TechnicalId profileId);
}
