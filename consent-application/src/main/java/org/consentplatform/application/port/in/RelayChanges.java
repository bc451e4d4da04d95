package org.consentplatform.application.port.in;

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
     * What monitoring shows: the backlog and the relay's own record since start.
     *
     * @param lastFailure the last publishing failure, null when the last attempt succeeded
     */
    record Status(long backlog, Instant oldestUnpublished, long published, long failures, String lastFailure,
                  boolean leader) {
    }

    Status status();
}
