package org.consentplatform.application.port.in;

import java.time.Duration;
import java.time.Instant;

/** Publishes the change log to the event stream (the outbox relay). */
public interface RelayChanges {

    /**
     * Publishes what is pending, if this instance holds the relay lease.
     *
     * @return how many changes were published in this run
     */
    int relayPending();

    /**
     * For a graceful shutdown, once the caller stopped starting runs: a run in progress stops
     * once its batch in flight is acknowledged and marked, and the leases this instance holds
     * are given back, so another instance takes over at once instead of when they expire.
     *
     * @param wait how long to wait for the run in progress; past it the leases are left to expire
     * @return whether the leases were given back
     */
    boolean handOver(Duration wait);

    /**
     * What monitoring shows: the backlog and the relay's own record since start.
     *
     * @param lastFailure the last publishing failure, null when the last attempt succeeded
     */
    record Status(long backlog, Instant oldestUnpublished, long published, long failures, String lastFailure,
                  boolean leader) {
    }

    Status status();
}
