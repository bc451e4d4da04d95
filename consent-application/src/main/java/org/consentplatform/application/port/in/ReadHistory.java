package org.consentplatform.application.port.in;

import org.consentplatform.application.port.Page;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.tenant.TenantId;

/** The audit trail (auditor scope). */
public interface ReadHistory {

    /** Identifies one record as the caller writes it; topicId may be null. */
    record RecordQuery(String profileId, String channel, String address, String purposeId, String topicId) {
    }

    Page<ConsentChange> ofRecord(TenantId tenant, RecordQuery record, String cursor, int limit);

    Page<ConsentChange> ofContactPoint(TenantId tenant, String channel, String address, String cursor, int limit);
}
