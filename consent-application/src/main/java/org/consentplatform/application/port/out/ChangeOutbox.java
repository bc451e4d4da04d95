package org.consentplatform.application.port.out;

import org.consentplatform.domain.consent.ConsentChange;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The change log seen as an outbox (architecture.md): every change is stored unpublished and
 * stays so until the event stream acknowledged it.
 */
public interface ChangeOutbox {

    /**
     * Unpublished changes of a share of the log, oldest recorded first, a record's changes in seq
     * order, leaving out those sent already and not yet marked (their addresses are not opened again).
     */
    List<Entry> unpublished(Partition partition, int limit, Set<String> sent);

    /**
     * A change waiting for the event stream, with the trace context of the request or event that
     * made it (a W3C {@code traceparent}; null when there was none), so its event continues that trace.
     */
    record Entry(ConsentChange change, String traceparent) {

        public String id() {
            return change.id();
        }
    }

    /**
     * A share of the change log, by a hash of the contact point: every change of a contact point
     * is in one share, so relays publishing different shares at once keep each key in order.
     */
    record Partition(int index, int count) {

        /** The most shares the log may be split into. */
        public static final int MAX = 64;
        public static final Partition WHOLE = new Partition(0, 1);

        public Partition {
            if (count < 1 || count > MAX || index < 0 || index >= count) {
                throw new IllegalArgumentException("share " + index + " of " + count + " (1 to " + MAX + " shares)");
            }
        }
    }

    void markPublished(Collection<String> changeIds, Instant publishedAt);

    /** How far publishing is behind: the number of unpublished changes and the oldest one's time. */
    record Backlog(long changes, Instant oldestRecordedAt) {
        public static final Backlog EMPTY = new Backlog(0, null);
    }

    Backlog backlog();
}
