package org.consentplatform.application.service;

import org.consentplatform.application.port.in.ManageContacts;
import org.consentplatform.application.port.out.Contacts;
import org.consentplatform.application.port.out.Tenants;
import org.consentplatform.domain.contact.Contact;
import org.consentplatform.domain.contact.MinorFlag;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.contactpoint.RawContactPoint;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.consentplatform.domain.tenant.TenantSettings;

import java.util.ArrayList;
import java.util.List;

public final class ContactService implements ManageContacts {

    private final Contacts contacts;
    private final Tenants tenants;

    public ContactService(Contacts contacts, Tenants tenants) {
        this.contacts = contacts;
        this.tenants = tenants;
    }

    @Override
    public Contact upsert(TenantId tenant, ContactCommand command) {
        TenantSettings settings = tenants.inForce(tenant);
        var points = new ArrayList<ContactPoint>();
        List<RawContactPoint> raw = command.contactPoints() == null ? List.of() : command.contactPoints();
        for (int i = 0; i < raw.size(); i++) {
            RawContactPoint point = raw.get(i);
            try {
                points.add(settings.contactPoint(point));
            } catch (DomainRejection.InvalidInput e) {
                throw e.prefixed("contactPoints[" + i + "]");
            }
        }
        Contact contact = new Contact(tenant, command.id(), command.type(), command.flags(), points);
        contacts.save(contact);
        return contact;
    }

    @Override
    public MinorStatus flagMinor(TenantId tenant, MinorCommand command) {
        TenantSettings settings = tenants.inForce(tenant);
        ContactPoint contactPoint = settings.contactPoint(command.contactPoint());
        if (!command.minor()) {
            contacts.removeMinorFlag(tenant, contactPoint);
            return new MinorStatus(contactPoint, null, null);
        }
        var flag = new MinorFlag(contactPoint, command.birthDate());
        contacts.saveMinorFlag(tenant, flag);
        return new MinorStatus(contactPoint, flag, flag.minorUntil(settings.ageOfDigitalConsent()));
    }

    @Override
    public Contact get(TenantId tenant, TechnicalId contactId) {
        return contacts.find(tenant, contactId)
                .orElseThrow(() -> new DomainRejection.NotFound("contact '" + contactId + "' does not exist"));
    }
}
