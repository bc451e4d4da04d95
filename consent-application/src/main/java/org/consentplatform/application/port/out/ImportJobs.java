package org.consentplatform.application.port.out;

import org.consentplatform.domain.load.ImportJob;
import org.consentplatform.domain.tenant.TenantId;

import java.util.List;
import java.util.Optional;

/** Stored load jobs. */
public interface ImportJobs {

    void add(ImportJob job);

    Optional<ImportJob> find(TenantId tenant, String id);

    /**
     * Stores the job's state, counts and position; a cancellation asked for meanwhile is kept.
     *
     * @return the job as stored now, with that cancellation (one round trip for both)
     */
    ImportJob save(ImportJob job);

    /** Marks the job to be cancelled at its next batch. @return false when there is no such job */
    boolean requestCancel(TenantId tenant, String id);

    /** The tenant's latest jobs, newest first. */
    List<ImportJob> latest(TenantId tenant, int limit);

    /** Jobs queued or running, oldest first, of every tenant. */
    List<ImportJob> unfinished();
}
