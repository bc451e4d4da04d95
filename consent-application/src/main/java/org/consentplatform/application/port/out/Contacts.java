package org.consentplatform.application.port.out;

import org.consentplatform.domain.contact.Contact;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Stored contacts, leads and profiles. */
public interface Contacts {

    Optional<Contact> find(TenantId tenant, TechnicalId contactId);

    Map<TechnicalId, Contact> findAll(TenantId tenant, Collection<TechnicalId> contactIds);

    void save(Contact contact);
}
