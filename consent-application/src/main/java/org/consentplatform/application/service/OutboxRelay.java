package org.consentplatform.application.service;

import org.consentplatform.application.port.in.RelayChanges;
import org.consentplatform.application.port.out.ChangeOutbox;
import org.consentplatform.application.port.out.EventPublisher;
import org.consentplatform.application.port.out.Leases;
import org.consentplatform.domain.consent.ConsentChange;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes the change log, at least once and in order per record. One instance at a time
 * holds the relay lease; should two ever publish at once (a lease expired under a stalled
 * holder), consumers see duplicates, which they remove by change id.
 */
public final class OutboxRelay implements RelayChanges {

    public static final String LEASE = "outbox-relay";

    private final ChangeOutbox outbox;
    private final EventPublisher publisher;
    private final LeasedWork work;
    private final int batchSize;
    private final Clock clock;

    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile String lastFailure;
    private volatile boolean leader;

    public OutboxRelay(ChangeOutbox outbox, EventPublisher publisher, Leases leases, String instance, Duration leaseTtl,
                       int batchSize, Clock clock) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.work = new LeasedWork(leases, instance, leaseTtl);
        this.batchSize = batchSize;
        this.clock = clock;
    }

    /**
     * A pipeline of batches: while the broker acknowledges one batch, the previous one is marked
     * published and the next one read. Changes sent but not yet marked are left out of that read.
     */
    @Override
    public int relayPending() {
        int total = 0;
        var inFlight = new HashSet<String>();
        List<String> acknowledged = List.of();
        try {
            LeasedWork.Held held = work.take(LEASE).orElse(null);
            leader = held != null;
            List<ConsentChange> batch = leader ? next(inFlight) : List.of();
            while (!batch.isEmpty()) {
                CompletableFuture<EventPublisher.Outcome> sending = publisher.publish(batch);
                batch.forEach(change -> inFlight.add(change.id()));
                total += mark(acknowledged, inFlight);
                List<ConsentChange> next = batch.size() < batchSize ? List.of() : next(inFlight);
                EventPublisher.Outcome outcome = sending.join();
                acknowledged = publishedInOrder(batch, outcome.acknowledged());
                if (acknowledged.size() < batch.size()) {
                    total += mark(acknowledged, inFlight);
                    return failed(total, outcome.failure() == null ? "not acknowledged by the broker" : outcome.failure());
                }
                batch = next.isEmpty() || !(leader = held.renew()) ? List.of() : next;
            }
            total += mark(acknowledged, inFlight);
            lastFailure = null;
            return total;
        } catch (RuntimeException e) {
            failed(total, e.toString());
            throw e;
        }
    }

    /** The oldest unpublished changes that are not on their way already. */
    private List<ConsentChange> next(Set<String> inFlight) {
        return outbox.unpublished(batchSize + inFlight.size()).stream()
                .filter(change -> !inFlight.contains(change.id())).limit(batchSize).toList();
    }

    private int mark(List<String> acknowledged, Set<String> inFlight) {
        if (acknowledged.isEmpty()) {
            return 0;
        }
        outbox.markPublished(acknowledged, clock.instant());
        acknowledged.forEach(inFlight::remove);
        published.addAndGet(acknowledged.size());
        return acknowledged.size();
    }

    private int failed(int total, String failure) {
        failures.incrementAndGet();
        lastFailure = failure;
        return total;
    }

    /**
     * A change counts as published only when every earlier change of its record in the batch
     * was acknowledged too: the next run then sends the rest again, still in order.
     */
    static List<String> publishedInOrder(List<ConsentChange> batch, Set<String> acknowledged) {
        var blocked = new HashSet<String>();
        var done = new ArrayList<String>(batch.size());
        for (ConsentChange change : batch) {
            String record = change.tenant().value() + "|" + change.key().value();
            if (!blocked.contains(record) && acknowledged.contains(change.id())) {
                done.add(change.id());
            } else {
                blocked.add(record);
            }
        }
        return done;
    }

    @Override
    public Status status() {
        ChangeOutbox.Backlog backlog = outbox.backlog();
        return new Status(backlog.changes(), backlog.oldestRecordedAt(), published.get(), failures.get(), lastFailure, leader);
    }
}
