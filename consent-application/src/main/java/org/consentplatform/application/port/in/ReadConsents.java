package org.consentplatform.application.port.in;

import org.consentplatform.domain.consent.ConsentRecord;
import org.consentplatform.domain.tenant.TenantId;

import java.util.List;

/** The current consents of one contact point. */
public interface ReadConsents {

    /** @param profileId null for every profile */
    List<ConsentRecord> ofContactPoint(TenantId tenant, String channel, String address, String profileId);
}
