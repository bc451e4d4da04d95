package org.consentplatform.application.port.out;

import org.consentplatform.application.port.Page;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.StreamHead;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.tenant.TenantId;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Read access to the change log for auditors, oldest first, paged by opaque cursors. */
public interface ConsentHistory {

    Page<ConsentChange> ofRecord(TenantId tenant, RecordKey key, String cursor, int limit);

    /** Entries matching the criteria, in the order they were recorded. */
    Page<ConsentChange> search(TenantId tenant, HistoryCriteria criteria, String cursor, int limit);

    /** Every entry matching the criteria, in the order recorded, streamed from storage without a cap. */
    void export(TenantId tenant, HistoryCriteria criteria, Consumer<ConsentChange> sink);

    /** Every entry of one record, in stored seq order (a record's history is short). */
    List<ConsentChange> stream(TenantId tenant, RecordKey key);

    /** The newest entry the record's current state counts: its seq (0 when none) and hash. */
    record Head(long seq, String hash) {
        public static final Head NONE = new Head(0, null);
    }

    Head head(TenantId tenant, RecordKey key);

    /** Every record of the tenant that has a current state, one at a time. */
    void forEachRecord(TenantId tenant, Consumer<RecordKey> action);

    /** The head of every record of the tenant, read from the current states without a lock. */
    List<StreamHead> heads(TenantId tenant);

    /** The hash of a record's entry at a position, null when there is none. */
    String hashAt(TenantId tenant, RecordKey key, long seq);

    /**
     * The contact points with their addresses, read back where the person's key still exists
     * (an auditor sees whom a breach concerns); the others stay withheld.
     */
    Map<ContactPoint, ContactPoint> disclose(TenantId tenant, Set<ContactPoint> withheld);

    /** Every tenant that has any history. */
    List<TenantId> tenants();
}
