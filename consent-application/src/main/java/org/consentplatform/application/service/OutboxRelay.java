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
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Publishes the change log, at least once and in order per record (and per contact point, the
 * events' key). The log is published whole by one instance at a time (the relay lease), or split
 * into shares by a hash of the contact point ({@link ChangeOutbox.Partition}), each share by one
 * instance at a time (a lease per share): the live instances (a member lease each, renewed every
 * run) deal the shares out among themselves, share {@code p} to the {@code p mod n}-th of the
 * {@code n} members in name order, and an instance gives back the shares that are no longer its
 * own. Should two ever publish a share at once (a lease expired under a stalled holder),
 * consumers see duplicates, which they remove by change id.
 */
public final class OutboxRelay implements RelayChanges {

    public static final String LEASE = "outbox-relay";
    static final String MEMBER = "outbox-relay-member:";

    private final ChangeOutbox outbox;
    private final EventPublisher publisher;
    private final Leases leases;
    private final LeasedWork work;
    private final String instance;
    private final Duration leaseTtl;
    private final int batchSize;
    private final int partitions;
    private final Clock clock;
    /** The shares this instance took a lease of and has not given back. */
    private final Set<Integer> held = new TreeSet<>();

    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile String lastFailure;
    private volatile boolean leader;
    /** Held by a run; a hand-over waits for it. */
    private final ReentrantLock running = new ReentrantLock();
    private volatile boolean handingOver;

    public OutboxRelay(ChangeOutbox outbox, EventPublisher publisher, Leases leases, String instance, Duration leaseTtl,
                       int batchSize, Clock clock) {
        this(outbox, publisher, leases, instance, leaseTtl, batchSize, 1, clock);
    }

    /** @param partitions the shares the log is published in (1: whole, by one instance at a time) */
    public OutboxRelay(ChangeOutbox outbox, EventPublisher publisher, Leases leases, String instance, Duration leaseTtl,
                       int batchSize, int partitions, Clock clock) {
        new ChangeOutbox.Partition(0, partitions); // refuses a count out of range
        this.outbox = outbox;
        this.publisher = publisher;
        this.leases = leases;
        this.work = new LeasedWork(leases, instance, leaseTtl);
        this.instance = instance;
        this.leaseTtl = leaseTtl;
        this.batchSize = batchSize;
        this.partitions = partitions;
        this.clock = clock;
    }

    /** Publishes what is pending of the shares this instance holds now; nothing once it is handing over. */
    @Override
    public int relayPending() {
        if (handingOver || !running.tryLock()) {
            return 0;
        }
        try {
            return relayHeldShares();
        } finally {
            running.unlock();
        }
    }

    /** Once it returns, the relay runs again when asked: a context that was stopped may be started again. */
    @Override
    public boolean handOver(Duration wait) {
        handingOver = true;
        try {
            if (!running.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            handingOver = false;
        }
        try {
            held.forEach(index -> leases.release(lease(index), instance));
            held.clear();
            if (partitions > 1) {
                leases.release(MEMBER + instance, instance);
            }
            leader = false;
            return true;
        } finally {
            running.unlock();
        }
    }

    private String lease(int share) {
        return partitions == 1 ? LEASE : LEASE + "-" + share + "/" + partitions;
    }

    private int relayHeldShares() {
        if (partitions == 1) {
            int total = relay(ChangeOutbox.Partition.WHOLE, LEASE);
            leader = !held.isEmpty();
            return total;
        }
        Set<Integer> mine = share();
        int total = 0;
        for (int index = 0; index < partitions; index++) {
            if (mine.contains(index) && !handingOver) {
                total += relay(new ChangeOutbox.Partition(index, partitions), lease(index));
            } else if (!mine.contains(index) && held.remove(index)) {
                leases.release(lease(index), instance); // dealt to another member now
            }
        }
        leader = !held.isEmpty();
        return total;
    }

    /** The shares dealt to this instance among the live members, its own membership renewed first. */
    private Set<Integer> share() {
        leases.acquire(MEMBER + instance, instance, leaseTtl);
        List<String> members = leases.holders(MEMBER).stream().sorted().toList();
        int position = members.indexOf(instance);
        var mine = new HashSet<Integer>();
        for (int index = 0; position >= 0 && index < partitions; index++) {
            if (index % members.size() == position) {
                mine.add(index);
            }
        }
        return mine;
    }

    /**
     * A pipeline of batches: while the broker acknowledges one batch, the previous one is marked
     * published and the next one read. Changes sent but not yet marked are left out of that read.
     */
    private int relay(ChangeOutbox.Partition partition, String lease) {
        int total = 0;
        var inFlight = new HashSet<String>();
        List<String> acknowledged = List.of();
        try {
            LeasedWork.Held lock = work.take(lease).orElse(null);
            if (lock == null) {
                held.remove(partition.index());
                return 0;
            }
            held.add(partition.index());
            List<ChangeOutbox.Entry> batch = next(partition, inFlight);
            while (!batch.isEmpty()) {
                CompletableFuture<EventPublisher.Outcome> sending = publisher.publish(batch);
                batch.forEach(change -> inFlight.add(change.id()));
                total += mark(acknowledged, inFlight);
                List<ChangeOutbox.Entry> next = batch.size() < batchSize ? List.of() : next(partition, inFlight);
                EventPublisher.Outcome outcome = sending.join();
                acknowledged = publishedInOrder(batch, outcome.acknowledged());
                if (acknowledged.size() < batch.size()) {
                    total += mark(acknowledged, inFlight);
                    return failed(total, outcome.failure() == null ? "not acknowledged by the broker" : outcome.failure());
                }
                if (handingOver) {
                    next = List.of(); // the batch in flight is done: the rest is the next holder's
                } else if (!next.isEmpty() && !lock.renew()) {
                    held.remove(partition.index());
                    next = List.of();
                }
                batch = next;
            }
            total += mark(acknowledged, inFlight);
            lastFailure = null;
            return total;
        } catch (RuntimeException e) {
            failed(total, e.toString());
            throw e;
        }
    }

    /** The oldest unpublished changes of the share that are not on their way already. */
    private List<ChangeOutbox.Entry> next(ChangeOutbox.Partition partition, Set<String> inFlight) {
        return outbox.unpublished(partition, batchSize, inFlight);
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
    static List<String> publishedInOrder(List<ChangeOutbox.Entry> batch, Set<String> acknowledged) {
        var blocked = new HashSet<String>();
        var done = new ArrayList<String>(batch.size());
        for (ChangeOutbox.Entry entry : batch) {
            ConsentChange change = entry.change();
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
