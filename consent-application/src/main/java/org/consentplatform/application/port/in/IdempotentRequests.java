package org.consentplatform.application.port.in;

import org.consentplatform.domain.contactpoint.RawContactPoint;
import org.consentplatform.domain.tenant.TenantId;

import java.util.List;

/** Lets a client retry a write safely: the same key and request get the first answer again. */
public interface IdempotentRequests {

    sealed interface Claim {
        /** First time: handle the request, then complete or release. */
        record Fresh() implements Claim {
        }

        /** Seen and answered: send this answer again. */
        record Replay(String response) implements Claim {
        }

        /** The key was used for another request. */
        record Mismatch() implements Claim {
        }

        /** The first request with this key is still being handled. */
        record InFlight() implements Claim {
        }
    }

    Claim claim(TenantId tenant, String key, String fingerprint);

    /**
     * Stores the first answer to replay it.
     *
     * @param named the contact points the request and its answer name, as written: the stored answer is erased with them
     */
    void complete(TenantId tenant, String key, String response, List<RawContactPoint> named);

    /** Forgets a claim whose request failed, so a retry can run. */
    void release(TenantId tenant, String key);
}
