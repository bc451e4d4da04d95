package org.consentplatform.application.port.in;

import org.consentplatform.domain.consent.TenantCheckpoint;

import java.util.List;

/** Seals every tenant's chain heads in a checkpoint and publishes it outside the database. */
public interface TakeCheckpoints {

    /** @return the checkpoints taken, one per tenant with history (none when another instance holds the lease) */
    List<TenantCheckpoint> checkpointAll();
}
