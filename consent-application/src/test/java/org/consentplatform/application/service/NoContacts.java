package org.consentplatform.application.service;

import org.consentplatform.application.port.out.Contacts;
import org.consentplatform.domain.contact.Contact;
import org.consentplatform.domain.contact.MinorFlag;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A CRM the platform knows nothing of, but the minors' contact points a test flags. */
class NoContacts implements Contacts {

    final Map<ContactPoint, MinorFlag> minors;

    NoContacts() {
        this(new HashMap<>());
    }

    /** @param minors where the flags are kept: the records' store reads them with the records */
    NoContacts(Map<ContactPoint, MinorFlag> minors) {
        this.minors = minors;
    }

    @Override
    public Optional<Contact> find(TenantId tenant, TechnicalId contactId) {
        return Optional.empty();
    }

    @Override
    public Map<TechnicalId, Contact> findAll(TenantId tenant, Collection<TechnicalId> contactIds) {
        return Map.of();
    }

    @Override
    public void save(Contact contact) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void withLegacyFlagsSet(TenantId tenant, java.util.function.Consumer<Contact> each) {
    }

    @Override
    public Map<ContactPoint, MinorFlag> minorFlags(TenantId tenant, Collection<ContactPoint> contactPoints) {
        var found = new HashMap<ContactPoint, MinorFlag>();
        contactPoints.stream().filter(minors::containsKey).forEach(cp -> found.put(cp, minors.get(cp)));
        return found;
    }

    @Override
    public void saveMinorFlag(TenantId tenant, MinorFlag flag) {
        minors.put(flag.contactPoint(), flag);
    }

    @Override
    public void removeMinorFlag(TenantId tenant, ContactPoint contactPoint) {
        minors.remove(contactPoint);
    }
}
