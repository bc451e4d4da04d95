package org.consentplatform.adapter.in.rest.api;

import org.consentplatform.application.port.in.ConsentCenter;
import org.consentplatform.application.port.in.SubjectRequests;
import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.contactpoint.RawContactPoint;
import org.consentplatform.domain.privacy.Erasure;
import org.consentplatform.domain.shared.InputCheck;
import org.consentplatform.domain.shared.TechnicalId;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;

import java.util.List;

@Mapper(componentModel = "spring", uses = ValueMapping.class, unmappedTargetPolicy = ReportingPolicy.ERROR)
interface ErasureMapper {

    /** Whom and why; every malformed part is refused at once, under its field. */
    default SubjectRequests.EraseCommand toCommand(ErasureJson.ErasureRequest request, Actor requestedBy) {
        var input = new InputCheck();
        TechnicalId contactId = input.optionalId("contactId", request.contactId());
        List<RawContactPoint> points = request.contactPoints() == null ? List.of() : input.attempt(() -> ValueMapping.indexed(
                "contactPoints", request.contactPoints(), point -> RawContactPoint.parse(point.channel(), point.address())));
        String legalReference = input.required("legalReference", request.legalReference());
        ConsentCenter.PersonQuery person = input.attempt(() -> new ConsentCenter.PersonQuery(contactId, points, null));
        input.verify();
        return new SubjectRequests.EraseCommand(person, legalReference, request.reference(), requestedBy);
    }

    @Mapping(target = "requestedBy", source = "requestedBy.id")
    @Mapping(target = "requestedByClient", source = "requestedBy.client")
    @Mapping(target = "state", expression = "java(erasure.done() ? \"DONE\" : \"IN_PROGRESS\")")
    ErasureJson.ErasureRecord toApi(Erasure erasure);

    ErasureJson.Destroyed toApi(Erasure.Destroyed destroyed);

    ErasureJson.Lift toApi(Erasure.Lift lift);

    default ErasureJson.ErasedContactPoint toApi(ContactPoint contactPoint) {
        return new ErasureJson.ErasedContactPoint(contactPoint.channel().toString(), contactPoint.pseudonym());
    }
}
