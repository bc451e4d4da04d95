package org.consentplatform.application.port.in;

import org.consentplatform.domain.load.ImportJob;
import org.consentplatform.domain.load.ImportSpec;
import org.consentplatform.domain.load.RowError;
import org.consentplatform.domain.tenant.TenantId;

import java.io.InputStream;
import java.util.List;
import java.time.Instant;
import java.util.function.Consumer;

/** Loads of consent from files (§9): submitted, followed, cancelled, their rejected rows read back. */
public interface ImportConsents {

    /**
     * Stores the file and queues the job; rows are processed in the background.
     *
     * @throws org.consentplatform.domain.shared.DomainRejection when the spec names an unknown profile, purpose or topic
     */
    ImportJob submit(TenantId tenant, ImportSpec spec, String fileName, InputStream content);

    /** @throws org.consentplatform.domain.shared.DomainRejection.NotFound when the tenant has no such job */
    ImportJob job(TenantId tenant, String jobId);

    /** How many jobs {@link #latest} lists at most. */
    int LATEST = 50;

    /** The tenant's latest jobs, newest first (at most {@value #LATEST}). */
    List<ImportJob> latest(TenantId tenant);

    /** Asks a job to stop at its next batch; rows already loaded stay loaded. */
    ImportJob cancel(TenantId tenant, String jobId);

    /** The rejected rows, in line order, streamed. */
    void errors(TenantId tenant, String jobId, Consumer<RowError> consumer);

    /** The platform's clock, for a job's pace and time left. */
    Instant now();
}
