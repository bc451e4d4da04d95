package org.consentplatform.application.port.out;

import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.TenantCheckpoint;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** The event stream other systems read: consent changes and tenant checkpoints. */
public interface EventPublisher {

    /**
     * Sends the changes in the given order, a record's changes in order; the result completes
     * once the broker acknowledged them all, or failed or timed out on some. It never completes
     * exceptionally.
     *
     * @return the ids of the changes the broker acknowledged, with the first failure if any
     */
    CompletableFuture<Outcome> publish(List<ConsentChange> changes);

    record Outcome(Set<String> acknowledged, String failure) {
    }

    /** @throws IllegalStateException when the broker did not acknowledge it */
    void publish(TenantCheckpoint checkpoint);
}
