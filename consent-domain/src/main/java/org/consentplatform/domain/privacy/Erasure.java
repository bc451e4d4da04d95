package org.consentplatform.domain.privacy;

import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.consent.Suppression;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.shared.InvalidInputs;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Instant;
import java.util.List;

/**
 * A person's erasure (GDPR Art. 17, §13) as the platform keeps it: who asked, when, on which
 * ground, what was destroyed, and when an opt-in the person gave again lifted a suppression. It
 * never holds what was erased: read back, its contact points are known by their keyed hash only,
 * and the CRM contact ids it deleted are forgotten once it is done.
 *
 * @param reference    the data protection officer's own reference of the request (a ticket), or null
 * @param contactIds   the contacts to delete, until the erasure is done
 * @param announced    whether downstream systems were told (an erasure event per contact point, acknowledged)
 * @param destroyed    what was destroyed, null while the erasure is in progress
 * @param lifts        suppressions lifted since, oldest first
 */
public record Erasure(String id, TenantId tenant, Instant requestedAt, Actor requestedBy, String legalReference, String reference,
                      List<ContactPoint> contactPoints, List<TechnicalId> contactIds, boolean announced, Destroyed destroyed,
                      List<Lift> lifts) {

    public Erasure {
        InvalidInputs.requireNonNull("id", id);
        InvalidInputs.requireNonNull("tenant", tenant);
        InvalidInputs.requireNonNull("requestedAt", requestedAt);
        InvalidInputs.requireNonNull("requestedBy", requestedBy);
        legalReference = InvalidInputs.requiredText("legalReference", legalReference, 200);
        reference = InvalidInputs.optionalText("reference", reference, 200);
        contactPoints = List.copyOf(contactPoints);
        contactIds = List.copyOf(contactIds);
        lifts = List.copyOf(lifts);
    }

    /** A new request, before anything is destroyed. */
    public static Erasure requested(String id, TenantId tenant, Instant at, Actor by, String legalReference, String reference,
                                    List<ContactPoint> contactPoints, List<TechnicalId> contactIds) {
        return new Erasure(id, tenant, at, by, legalReference, reference, contactPoints, contactIds, false, null, List.of());
    }

    /** What each erased contact point leaves behind: its keyed hash, when and why. */
    public Suppression suppression() {
        return new Suppression(id, requestedAt, legalReference);
    }

    public boolean done() {
        return destroyed != null;
    }

    /** The erasure once everything was destroyed: the contact ids it deleted are no longer kept. */
    public Erasure completed(Destroyed what) {
        InvalidInputs.requireNonNull("destroyed", what);
        return new Erasure(id, tenant, requestedAt, requestedBy, legalReference, reference, contactPoints, List.of(), announced, what,
                lifts);
    }

    /**
     * What an erasure destroyed, beside each contact point's data key.
     *
     * @param records              records whose consent was forgotten (an ERASURE entry each)
     * @param contacts             CRM contacts deleted
     * @param confirmationRequests double opt-in requests deleted
     * @param idempotentAnswers    stored answers of idempotent requests that named the person
     * @param mailQuotas           confirmation-mail quota entries
     * @param importErrorLines     lines of load error reports that named the person
     * @param completedAt          when the last of it was destroyed
     */
    public record Destroyed(int records, long contacts, long confirmationRequests, long idempotentAnswers, long mailQuotas,
                            long importErrorLines, Instant completedAt) {
    }

    /** A suppression the person lifted by opting in again. */
    public record Lift(ContactPoint contactPoint, Instant at, String changeId, Source source) {
    }
}
