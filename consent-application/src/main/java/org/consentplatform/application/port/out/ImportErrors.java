package org.consentplatform.application.port.out;

import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.load.RowError;
import org.consentplatform.domain.shared.Violation;
import org.consentplatform.domain.tenant.TenantId;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/** The per-row error report of a load. */
public interface ImportErrors {

    /**
     * Records why a row was rejected; recording the same row again (a resumed batch) changes nothing.
     *
     * @param named the contact points the row named: its lines are erased with them (§13)
     */
    void add(TenantId tenant, String jobId, long line, List<Violation> violations, Collection<ContactPoint> named);

    /** Every error of the job in line order, streamed. */
    void forEach(String jobId, Consumer<RowError> consumer);
}
