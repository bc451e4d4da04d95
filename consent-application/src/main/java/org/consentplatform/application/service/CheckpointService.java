package org.consentplatform.application.service;

import org.consentplatform.application.port.in.TakeCheckpoints;
import org.consentplatform.application.port.out.Checkpoints;
import org.consentplatform.application.port.out.ConsentHistory;
import org.consentplatform.application.port.out.EventPublisher;
import org.consentplatform.application.port.out.Leases;
import org.consentplatform.domain.consent.StreamHead;
import org.consentplatform.domain.consent.TenantCheckpoint;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Takes tenant checkpoints: one instance at a time (a lease), no lock on any writer. A tenant
 * whose heads did not move since its last checkpoint gets no new one.
 */
public final class CheckpointService implements TakeCheckpoints {

    public static final String LEASE = "tenant-checkpoints";

    private final ConsentHistory history;
    private final Checkpoints checkpoints;
    private final EventPublisher publisher;
    private final LeasedWork work;
    private final Clock clock;

    public CheckpointService(ConsentHistory history, Checkpoints checkpoints, EventPublisher publisher, Leases leases,
                             String instance, Duration leaseTtl, Clock clock) {
        this.history = history;
        this.checkpoints = checkpoints;
        this.publisher = publisher;
        this.work = new LeasedWork(leases, instance, leaseTtl);
        this.clock = clock;
    }

    @Override
    public List<TenantCheckpoint> checkpointAll() {
        var taken = new ArrayList<TenantCheckpoint>();
        Iterator<TenantId> tenants = history.tenants().iterator();
        // one tenant per batch: the lease is renewed between tenants
        work.take(LEASE).ifPresent(held -> held.inBatches(() -> {
            if (!tenants.hasNext()) {
                return LeasedWork.Batch.last(0);
            }
            checkpoint(tenants.next()).ifPresent(taken::add);
            return new LeasedWork.Batch(1, tenants.hasNext());
        }));
        return taken;
    }

    private Optional<TenantCheckpoint> checkpoint(TenantId tenant) {
        for (TenantCheckpoint unpublished : checkpoints.unpublished(tenant)) {
            publish(unpublished);
        }
        List<StreamHead> heads = history.heads(tenant);
        TenantCheckpoint previous = checkpoints.latest(tenant).orElse(null);
        TenantCheckpoint next = TenantCheckpoint.seal(tenant, previous, heads, clock.instant());
        if (previous != null && previous.headsDigest().equals(next.headsDigest())) {
            return Optional.empty();
        }
        // stored first: verify checks it even before it is published, and a failed publish is retried next run
        if (checkpoints.add(next, heads)) {
            publish(next);
            return Optional.of(next);
        }
        return Optional.empty();
    }

    private void publish(TenantCheckpoint checkpoint) {
        publisher.publish(checkpoint);
        checkpoints.markPublished(checkpoint);
    }
}
