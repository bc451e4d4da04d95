package org.consentplatform.application.port.in;

import org.consentplatform.domain.consent.ConsentRecord;
import org.consentplatform.domain.contactpoint.RawContactPoint;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.util.List;

/** The current consents of one contact point. */
public interface ReadConsents {

    /** @param profileId null for every profile */
    List<ConsentRecord> ofContactPoint(TenantId tenant, RawContactPoint contactPoint, TechnicalId profileId);
}
