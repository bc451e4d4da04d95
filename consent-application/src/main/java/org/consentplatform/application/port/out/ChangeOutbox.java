package org.consentplatform.application.port.out;

import org.consentplatform.domain.consent.ConsentChange;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The change log seen as an outbox (architecture.md): every change is stored unpublished and
 * stays so until the event stream acknowledged it.
 */
public interface ChangeOutbox {

    /** Unpublished changes, oldest recorded first, a record's changes in seq order. */
    List<ConsentChange> unpublished(int limit);

    void markPublished(Collection<String> changeIds, Instant publishedAt);

    /** How far publishing is behind: the number of unpublished changes and the oldest one's time. */
    record Backlog(long changes, Instant oldestRecordedAt) {
        public static final Backlog EMPTY = new Backlog(0, null);
    }

    Backlog backlog();
}
