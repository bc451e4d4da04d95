package org.consentplatform.adapter.in.rest.api;

import org.consentplatform.application.port.in.ManageContacts;
import org.consentplatform.domain.contact.Contact;
import org.consentplatform.domain.contact.LegacyFlags;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.contactpoint.RawContactPoint;
import org.consentplatform.domain.shared.InputCheck;
import org.consentplatform.domain.shared.InvalidInputs;
import org.consentplatform.domain.shared.TechnicalId;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;

import java.util.List;

@Mapper(componentModel = "spring", uses = ValueMapping.class, unmappedTargetPolicy = ReportingPolicy.ERROR)
interface ContactMapper {

    ContactJson.ContactPoint toApi(ContactPoint contactPoint);

    ContactJson.LegacyFlags toApi(LegacyFlags flags);

    @Mapping(target = "entityType", source = "type")
    ContactJson.Contact toApi(Contact contact);

    default ContactJson.MinorFlag toApi(ManageContacts.MinorStatus status) {
        return new ContactJson.MinorFlag(status.contactPoint().channel().toString(), status.contactPoint().address(),
                status.flag() != null, status.flag() == null ? null : status.flag().birthDate(), status.minorUntil());
    }

    default ManageContacts.ContactCommand toCommand(String contactId, ContactJson.ContactUpsert contact) {
        ContactJson.LegacyFlags flags = contact.flags();
        return new ManageContacts.ContactCommand(TechnicalId.parse("contactId", contactId),
                InvalidInputs.requireNonNull("entityType", contact.entityType()),
                flags == null ? LegacyFlags.NONE : new LegacyFlags(Boolean.TRUE.equals(flags.doNotEmail()),
                        Boolean.TRUE.equals(flags.doNotBulkEmail()), Boolean.TRUE.equals(flags.doNotTrack())),
                contact.contactPoints() == null ? List.of() : ValueMapping.indexed("contactPoints", contact.contactPoints(),
                        point -> RawContactPoint.parse(point.channel(), point.address())));
    }

    default ManageContacts.MinorCommand toCommand(ContactJson.MinorFlagRequest request) {
        var input = new InputCheck();
        RawContactPoint contactPoint = ValueMapping.contactPoint(input, request.channel(), request.address());
        Boolean minor = input.required("minor", request.minor());
        input.verify();
        return new ManageContacts.MinorCommand(contactPoint, minor, request.birthDate());
    }
}
