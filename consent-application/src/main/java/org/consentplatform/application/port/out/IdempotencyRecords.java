package org.consentplatform.application.port.out;

import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/** What was answered to a write sent with an Idempotency-Key. */
public interface IdempotencyRecords {

    /** A claimed key; {@code response} is null while the first request is still being handled. */
    record Entry(String fingerprint, String response, Instant claimedAt) {
    }

    /** @return false when the key is already claimed */
    boolean claim(TenantId tenant, String key, String fingerprint, Instant now);

    Optional<Entry> find(TenantId tenant, String key);

    /**
     * Stores the answer, which may name people: it is kept encrypted, under the pseudonyms of the
     * contact points it names, so that erasing one of them deletes it (§13).
     */
    void complete(TenantId tenant, String key, String response, Collection<ContactPoint> named);

    void release(TenantId tenant, String key);
}
