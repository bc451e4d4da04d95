package org.consentplatform.adapter.in.rest.api;

import org.consentplatform.application.port.in.CaptureConsent;
import org.consentplatform.application.port.in.ReadHistory;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentRecord;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordState;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;

/** Captures to commands, and records and their changes back to JSON. */
@Mapper(componentModel = "spring", uses = ValueMapping.class, unmappedTargetPolicy = ReportingPolicy.ERROR)
interface ConsentMapper {

    ConsentJson.Evidence toApi(Evidence evidence);

    ConsentJson.RecordState toApi(RecordState state);

    @Mapping(target = "profileId", source = "key.profileId")
    @Mapping(target = "channel", source = "key.contactPoint.channel")
    @Mapping(target = "address", source = "key.contactPoint.address")
    @Mapping(target = "purposeId", source = "key.purposeId")
    @Mapping(target = "topicId", source = "key.topicId")
    @Mapping(target = "actor", source = "actor.id")
    @Mapping(target = "legalBasis", ignore = true)
    @Mapping(target = "partner", ignore = true)
    ConsentJson.Change toApi(ConsentChange change);

    /** An exported line carries the purpose's legal basis and partner beside the change. */
    default ConsentJson.Change toApi(ReadHistory.ExportedChange line) {
        return toApi(line.change()).withPurpose(line.legalBasis(), line.partner());
    }

    default ConsentJson.ConsentRecord toApi(ConsentRecord record) {
        RecordState state = record.current().orElseThrow();
        return new ConsentJson.ConsentRecord(record.key().profileId().value(), record.key().contactPoint().channel().toString(),
                record.key().contactPoint().address(), record.key().purposeId().value(), ValueMapping.map(record.key().topicId()),
                state.state(), state.capturedAt(), state.source(), toApi(state.evidence()), record.seq());
    }

    default Evidence toDomain(ConsentJson.Evidence evidence) {
        return evidence == null ? Evidence.NONE
                : new Evidence(evidence.wordingVersion(), evidence.formId(), evidence.clientAddress(), evidence.userAgent(),
                evidence.guardian());
    }

    CaptureConsent.CaptureCommand toCommand(ConsentJson.Capture capture);

    CaptureConsent.EngagementCommand toCommand(ConsentJson.Engagement engagement);
}
