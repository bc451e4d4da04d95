package org.consentplatform.application.port.in;

import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.privacy.Erasure;
import org.consentplatform.domain.privacy.SubjectAccess;
import org.consentplatform.domain.shared.InvalidInputs;
import org.consentplatform.domain.tenant.TenantId;

import java.util.List;

/** What people may ask of the data held about them (GDPR Art. 15 and 17). */
public interface SubjectRequests {

    /**
     * Everything held about the person, for the data protection officer to hand over.
     *
     * @param person   a contact id, or contact points as callers write them (its profile, if set, is ignored: nothing is left out)
     * @param language the language to answer in; null: the one the person was last written to in
     * @throws org.consentplatform.domain.shared.DomainRejection.NotFound when the contact id names no contact
     */
    SubjectAccess access(TenantId tenant, ConsentCenter.PersonQuery person, String language);

    /**
     * Erases the person (§13): the request is filed, downstream systems are told (now, or as
     * soon as the broker is back), each contact point's data key is destroyed and a suppression
     * filed in its place, every record's consent is forgotten by an ERASURE entry of its history,
     * and contacts, double opt-in requests, stored answers, mail quotas and load error lines that
     * name the person are deleted.
     *
     * @throws org.consentplatform.domain.shared.DomainRejection.NotFound when the contact id names no contact
     */
    Erasure erase(TenantId tenant, EraseCommand command);

    /** A tenant's erasure requests, newest first, as an auditor reads them. */
    List<Erasure> erasures(TenantId tenant, int limit);

    /**
     * @param person         whom to erase
     * @param legalReference the ground, as the data protection officer writes it ("GDPR Art. 17(1)(b)")
     * @param reference      the officer's own reference of the request, or null
     */
    record EraseCommand(ConsentCenter.PersonQuery person, String legalReference, String reference, Actor requestedBy) {

        public EraseCommand {
            InvalidInputs.requireNonNull("person", person);
            legalReference = InvalidInputs.requiredText("legalReference", legalReference, 200);
            reference = InvalidInputs.optionalText("reference", reference, 200);
            InvalidInputs.requireNonNull("requestedBy", requestedBy);
        }
    }
}
