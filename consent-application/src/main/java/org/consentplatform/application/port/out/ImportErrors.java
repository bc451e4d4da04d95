package org.consentplatform.application.port.out;

import org.consentplatform.domain.load.ImportRules;
import org.consentplatform.domain.load.RowError;
import org.consentplatform.domain.tenant.TenantId;

import java.util.List;
import java.util.function.Consumer;

/** The per-row error report of a load. */
public interface ImportErrors {

    /**
     * Records why rows were rejected, in one write; recording the same rows again (a resumed
     * batch) changes nothing. The contact points each row named are kept by pseudonym: its lines
     * are erased with them (§13).
     */
    void addAll(TenantId tenant, String jobId, List<ImportRules.Rejected> rows);

    /** Every error of the job in line order, streamed. */
    void forEach(String jobId, Consumer<RowError> consumer);
}
