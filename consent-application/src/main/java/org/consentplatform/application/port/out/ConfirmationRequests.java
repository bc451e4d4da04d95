package org.consentplatform.application.port.out;

import org.consentplatform.domain.doubleoptin.ConfirmationRequest;

import java.time.Instant;
import java.util.Optional;

/** Stored double opt-in requests, found by the hash of their link's token. */
public interface ConfirmationRequests {

    void add(ConfirmationRequest request);

    Optional<ConfirmationRequest> find(String tokenHash);

    /** @return false when it was confirmed already (by a concurrent click) */
    boolean markConfirmed(String tokenHash, Instant at);
}
