package org.consentplatform.application.port.out;

import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.TenantCheckpoint;

import java.util.List;
import java.util.Set;

/** The event stream other systems read: consent changes and tenant checkpoints. */
public interface EventPublisher {

    /**
     * Sends the changes in the given order, a record's changes in order, and waits for the
     * broker's acknowledgements.
     *
     * @return the ids of the changes the broker acknowledged, with the first failure if any
     */
    Outcome publish(List<ConsentChange> changes);

    record Outcome(Set<String> acknowledged, String failure) {
    }

    /** @throws IllegalStateException when the broker did not acknowledge it */
    void publish(TenantCheckpoint checkpoint);
}
