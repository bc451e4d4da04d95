package org.consentplatform.application.port.out;

import org.consentplatform.domain.tenant.TenantId;

import java.time.Instant;

/**
 * What the platform keeps only for a while (§13, ADR 40): each call deletes what is older than
 * the instant it is given and says how much. Every call is safe to repeat, on any instance.
 */
public interface Retention {

    /** Uploaded load files no load ended (an upload cut short, a load that never ran). */
    long purgeImportFiles(Instant uploadedBefore);

    /** Lines of load error reports. */
    long purgeImportErrors(Instant reportedBefore);

    /** Stored answers of idempotent requests. */
    long purgeIdempotencyKeys(Instant claimedBefore);

    /** Double opt-in requests spent: confirmed, or expired unconfirmed. */
    long purgeSpentConfirmationRequests(Instant spentBefore);

    /** Confirmation-mail quota entries whose bucket is full again (a TTL index does it on MongoDB; not on every server). */
    long purgeMailQuotas(Instant now);

    /**
     * Destroys the data keys of the tenant's contact points whose newest change is older than
     * the instant: their addresses go, wherever copied; their entries stay, by pseudonym, and
     * still verify; their consent still decides. A contact point given again gets a new key.
     */
    long retireAddresses(TenantId tenant, Instant lastChangedBefore);

    /**
     * Destroys the data keys that opt-ins gave erased contact points before the instant (to send
     * a confirmation mail, ADR 39) where the suppression still stands and no confirmation request
     * of the contact point is left: the person never confirmed, so their address is not kept.
     */
    long retireUnconfirmedReadmissions(Instant readmittedBefore);
}
