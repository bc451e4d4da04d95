package org.consentplatform.application.port.out;

import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentRecord;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.RecordState;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.tenant.TenantId;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Consent records: an append-only change log (the commit point and the audit trail) and the
 * current state derived from it. Reads of the current state never come from a cache, so a
 * revocation is seen by the very next decision.
 */
public interface ConsentRecords {

    /** The record as its newest change in the log left it (absent when it has none). */
    ConsentRecord load(TenantId tenant, RecordKey key);

    /**
     * Appends a change and brings the current state up to date.
     *
     * @return false when another writer took the change's sequence number first: load and retry
     */
    boolean append(ConsentChange change);

    /** The current state of each of the keys that has one. */
    Map<RecordKey, RecordState> current(TenantId tenant, Collection<RecordKey> keys);

    /** Every record of a contact point, optionally in one profile. */
    List<ConsentRecord> ofContactPoint(TenantId tenant, ContactPoint contactPoint);

    /** The changes with these ids that are in the log (loads give their changes ids of their own). */
    List<ConsentChange> changes(TenantId tenant, Collection<String> changeIds);
}
