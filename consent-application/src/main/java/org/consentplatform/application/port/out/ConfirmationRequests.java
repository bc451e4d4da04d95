package org.consentplatform.application.port.out;

import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.doubleoptin.ConfirmationRequest;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stored double opt-in requests, found by the hash of their link's token. */
public interface ConfirmationRequests {

    void add(ConfirmationRequest request);

    Optional<ConfirmationRequest> find(String tokenHash);

    /** The newest requests not confirmed yet for an address (any tenant, compared without case), newest first. */
    List<ConfirmationRequest> unconfirmedFor(String address, int limit);

    /** Every request ever opened for a contact point of the tenant, oldest first (a person's access request). */
    List<ConfirmationRequest> of(TenantId tenant, ContactPoint contactPoint);

    /** @return false when it was confirmed already (by a concurrent click) */
    boolean markConfirmed(String tokenHash, Instant at);
}
