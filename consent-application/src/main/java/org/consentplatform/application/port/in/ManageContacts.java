package org.consentplatform.application.port.in;

import org.consentplatform.domain.contact.Contact;
import org.consentplatform.domain.contact.EntityType;
import org.consentplatform.domain.contact.LegacyFlags;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.util.List;

/** Keeps the platform's copy of CRM contacts, leads and profiles. */
public interface ManageContacts {

    /** A contact point as the caller wrote it, normalised by the tenant's rules. */
    record RawContactPoint(String channel, String address) {
    }

    record ContactCommand(TechnicalId id, EntityType type, LegacyFlags flags, List<RawContactPoint> contactPoints) {
    }

    Contact upsert(TenantId tenant, ContactCommand command);

    Contact get(TenantId tenant, TechnicalId contactId);
}
