package org.consentplatform.application.port.in;

import org.consentplatform.domain.privacy.SubjectAccess;
import org.consentplatform.domain.tenant.TenantId;

/** What people may ask of the data held about them (GDPR Art. 15). */
public interface SubjectRequests {

    /**
     * Everything held about the person, for the data protection officer to hand over.
     *
     * @param person   a contact id, or contact points as callers write them (its profile, if set, is ignored: nothing is left out)
     * @param language the language to answer in; null: the one the person was last written to in
     * @throws org.consentplatform.domain.shared.DomainRejection.NotFound when the contact id names no contact
     */
    SubjectAccess access(TenantId tenant, ConsentCenter.PersonQuery person, String language);
}
