package org.consentplatform.application.port.out;

import org.consentplatform.domain.consent.ChainMigration;
import org.consentplatform.domain.consent.StreamHead;
import org.consentplatform.domain.consent.TenantCheckpoint;
import org.consentplatform.domain.tenant.TenantId;

import java.util.List;
import java.util.Optional;

/** Stored tenant checkpoints with the heads each sealed. */
public interface Checkpoints {

    Optional<TenantCheckpoint> latest(TenantId tenant);

    /** @return false when another instance stored a checkpoint with the same number first */
    boolean add(TenantCheckpoint checkpoint, List<StreamHead> heads);

    List<StreamHead> heads(TenantCheckpoint checkpoint);

    /** The tenant's checkpoints not yet acknowledged by the event stream, oldest first. */
    List<TenantCheckpoint> unpublished(TenantId tenant);

    void markPublished(TenantCheckpoint checkpoint);

    /** The one-off rewrites of the tenant's chains, oldest first, each attested between two checkpoints. */
    List<ChainMigration> migrations(TenantId tenant);
}
