package org.consentplatform.application.port.out;

import org.consentplatform.application.port.Page;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.tenant.TenantId;

/** Read access to the change log for auditors, oldest first, paged by opaque cursors. */
public interface ConsentHistory {

    Page<ConsentChange> ofRecord(TenantId tenant, RecordKey key, String cursor, int limit);

    Page<ConsentChange> ofContactPoint(TenantId tenant, ContactPoint contactPoint, String cursor, int limit);
}
