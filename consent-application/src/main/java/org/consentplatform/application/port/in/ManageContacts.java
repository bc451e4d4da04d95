package org.consentplatform.application.port.in;

import org.consentplatform.domain.contact.Contact;
import org.consentplatform.domain.contact.EntityType;
import org.consentplatform.domain.contact.LegacyFlags;
import org.consentplatform.domain.contact.MinorFlag;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.contactpoint.RawContactPoint;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InvalidInputs;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.time.LocalDate;
import java.util.List;

/** Keeps the platform's copy of CRM contacts, leads and profiles. */
public interface ManageContacts {

    record ContactCommand(TechnicalId id, EntityType type, LegacyFlags flags, List<RawContactPoint> contactPoints) {
    }

    /**
     * Flags a contact point as a minor's, or removes the flag (§12).
     *
     * @param birthDate null: a minor until the flag is removed
     */
    record MinorCommand(RawContactPoint contactPoint, boolean minor, LocalDate birthDate) {

        public MinorCommand {
            InvalidInputs.requireNonNull("contactPoint", contactPoint);
            if (!minor && birthDate != null) {
                throw DomainRejection.InvalidInput.of("birthDate", "is given with minor: true only");
            }
        }
    }

    /**
     * A contact point's minor flag after a change: the flag, or null once removed, and the day
     * the person reaches the tenant's age of digital consent (null without a birth date).
     */
    record MinorStatus(ContactPoint contactPoint, MinorFlag flag, LocalDate minorUntil) {
    }

    Contact upsert(TenantId tenant, ContactCommand command);

    MinorStatus flagMinor(TenantId tenant, MinorCommand command);

    Contact get(TenantId tenant, TechnicalId contactId);
}
