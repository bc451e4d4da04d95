package org.consentplatform.application.port.out;

import org.consentplatform.domain.consent.Suppression;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.privacy.Erasure;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What erasing a person (§13) needs from storage: the suppression list, which replaces a
 * contact point's data key (crypto-shredding its address wherever its ciphertext was copied),
 * the deletion of everything else that names the person, and the log of erasure requests. Every
 * write here is safe to repeat, so an interrupted erasure is finished by running it again.
 */
public interface Erasures {

    /**
     * Files a request before anything is destroyed. Its contact points are kept by their keyed
     * hash; their addresses, which the erasure events carry, only until downstream systems were
     * told ({@link #announced}), encrypted under the tenant's key.
     */
    void begin(Erasure erasure);

    /** Requests begun before {@code before} whose events were not acknowledged yet, their contact points with their addresses. */
    List<Erasure> unannounced(Instant before);

    /** Downstream systems were told: the addresses kept for it are deleted. */
    void announced(TenantId tenant, String erasureId);

    /** Stores what was destroyed and forgets the contact ids the request named. */
    void complete(Erasure erasure);

    /** Requests begun before {@code before} that never completed (an instance stopped in between). */
    List<Erasure> unfinished(Instant before);

    /** A tenant's requests, newest first, their contact points withheld. */
    List<Erasure> latest(TenantId tenant, int limit);

    Optional<Erasure> find(TenantId tenant, String erasureId);

    /** The suppressions standing for those of these contact points that were erased. */
    Map<ContactPoint, Suppression> suppressions(TenantId tenant, Collection<ContactPoint> contactPoints);

    /**
     * Destroys the contact point's data key and files the suppression in its place, in one write:
     * a capture racing with it either wrote its ciphertext under the key now gone, or finds the
     * suppression and makes no key.
     */
    void suppress(TenantId tenant, ContactPoint contactPoint, Suppression suppression);

    /**
     * Stores the address of a suppressed contact point again under a new data key, because the
     * person gave it anew (an opt-in of theirs, perhaps waiting for confirmation); the suppression stands.
     */
    void readmit(TenantId tenant, ContactPoint contactPoint);

    /**
     * Lifts the suppression, when it is still the one the caller read, and notes on its erasure
     * which change lifted it.
     *
     * @return false when another erasure filed a newer suppression meanwhile (it stands)
     */
    boolean lift(TenantId tenant, ContactPoint contactPoint, Suppression suppression, Erasure.Lift lift);

    /**
     * Deletes everything else that names these contact points or contacts: the contacts (and
     * every contact holding one of the points), double opt-in requests, stored answers of
     * idempotent requests, confirmation-mail quota entries, lines of load error reports.
     */
    Traces eraseTraces(TenantId tenant, Collection<ContactPoint> contactPoints, Collection<TechnicalId> contactIds);

    /** How many of each were deleted. */
    record Traces(long contacts, long confirmationRequests, long idempotentAnswers, long mailQuotas, long importErrorLines) {
    }
}
