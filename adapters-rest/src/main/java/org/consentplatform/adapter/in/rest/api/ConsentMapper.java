package org.consentplatform.adapter.in.rest.api;

import org.consentplatform.application.port.in.CaptureConsent;
import org.consentplatform.application.port.in.ReadHistory;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentRecord;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordState;
import org.consentplatform.domain.contactpoint.RawContactPoint;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InputCheck;
import org.consentplatform.domain.shared.TechnicalId;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
    @Mapping(target = "actorClient", source = "actor.client")
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
                evidence.guardian(), evidence.reason());
    }

    /** Every reason a capture is refused, at once. */
    default CaptureConsent.CaptureCommand toCommand(ConsentJson.Capture capture) {
        var input = new InputCheck();
        TechnicalId profileId = input.id("profileId", capture.profileId());
        RawContactPoint contactPoint = ValueMapping.contactPoint(input, capture.channel(), capture.address());
        TechnicalId purposeId = input.id("purposeId", capture.purposeId());
        TechnicalId topicId = input.optionalId("topicId", capture.topicId());
        CaptureConsent.NoticeSeen notice = capture.notice() == null ? null : input.attempt(() -> new CaptureConsent.NoticeSeen(
                TechnicalId.parse("notice.id", capture.notice().id()), capture.notice().version()));
        input.verify();
        return new CaptureConsent.CaptureCommand(profileId, contactPoint, purposeId, topicId, capture.state(),
                capture.capturedAt(), capture.source(), toDomain(capture.evidence()), capture.locale()).withNotice(notice);
    }

    /** A batch refused with the reasons of every item, each under its place. */
    default List<CaptureConsent.CaptureCommand> toCommands(List<ConsentJson.Capture> captures) {
        var input = new InputCheck();
        var commands = new ArrayList<CaptureConsent.CaptureCommand>(captures.size());
        for (int i = 0; i < captures.size(); i++) {
            String place = "items[" + i + "]";
            ConsentJson.Capture capture = captures.get(i);
            commands.add(input.attempt(() -> {
                try {
                    return toCommand(capture);
                } catch (DomainRejection.InvalidInput e) {
                    throw e.prefixed(place);
                }
            }));
        }
        input.verify();
        return commands;
    }

    default CaptureConsent.EngagementCommand toCommand(ConsentJson.Engagement engagement) {
        var input = new InputCheck();
        TechnicalId profileId = input.id("profileId", engagement.profileId());
        RawContactPoint contactPoint = ValueMapping.contactPoint(input, engagement.channel(), engagement.address());
        TechnicalId purposeId = input.id("purposeId", engagement.purposeId());
        TechnicalId topicId = input.optionalId("topicId", engagement.topicId());
        Instant engagedAt = input.required("engagedAt", engagement.engagedAt());
        input.verify();
        return new CaptureConsent.EngagementCommand(profileId, contactPoint, purposeId, topicId, engagedAt,
                toDomain(engagement.evidence()));
    }

    default ReadConsentsQuery toQuery(ConsentJson.ContactPointQuery query) {
        var input = new InputCheck();
        RawContactPoint contactPoint = ValueMapping.contactPoint(input, query.channel(), query.address());
        TechnicalId profileId = input.optionalId("profileId", query.profileId());
        input.verify();
        return new ReadConsentsQuery(contactPoint, profileId);
    }

    /** The lookup's parts once parsed. */
    record ReadConsentsQuery(RawContactPoint contactPoint, TechnicalId profileId) {
    }
}
