package org.consentplatform.application.service;

import org.consentplatform.application.port.in.ConsentCenter;
import org.consentplatform.application.port.out.Contacts;
import org.consentplatform.domain.contact.Contact;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.tenant.TenantId;
import org.consentplatform.domain.tenant.TenantSettings;

import java.util.List;

/** The person a query names: a CRM contact with its contact points, or contact points alone. */
record NamedPerson(Contact contact, List<ContactPoint> contactPoints) {

    static NamedPerson resolve(TenantId tenant, ConsentCenter.PersonQuery query, TenantSettings settings, Contacts contacts) {
        if (query.contactId() == null) {
            return new NamedPerson(null, query.contactPoints().stream().map(settings::contactPoint).distinct().toList());
        }
        Contact contact = contacts.find(tenant, query.contactId())
                .orElseThrow(() -> new DomainRejection.NotFound("contact '" + query.contactId() + "' does not exist"));
        return new NamedPerson(contact, contact.contactPoints());
    }
}
