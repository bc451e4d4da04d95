package org.consentplatform.adapter.in.rest.api;

import org.consentplatform.adapter.in.rest.shared.ProblemHandler;
import org.consentplatform.application.port.in.DecideMessages;
import org.consentplatform.application.port.in.DecisionQuery;
import org.consentplatform.domain.contactpoint.RawContactPoint;
import org.consentplatform.domain.enforcement.Aspect;
import org.consentplatform.domain.enforcement.Decision;
import org.consentplatform.domain.enforcement.Reason;
import org.consentplatform.domain.enforcement.ReasonCode;
import org.consentplatform.domain.shared.InputCheck;
import org.consentplatform.domain.shared.TechnicalId;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;
import org.mapstruct.ReportingPolicy;

import java.util.List;
import java.util.stream.Stream;

@Mapper(componentModel = "spring", uses = {ValueMapping.class, ConsentMapper.class, ContactMapper.class},
        unmappedTargetPolicy = ReportingPolicy.ERROR)
interface DecisionMapper {

    /** Every reason a query is refused, at once. */
    default DecisionQuery toQuery(DecisionJson.DecisionRequest request) {
        var input = new InputCheck();
        TechnicalId profileId = input.id("profileId", request.profileId());
        TechnicalId purposeId = input.id("purposeId", request.purposeId());
        TechnicalId topicId = input.optionalId("topicId", request.topicId());
        RawContactPoint contactPoint = ValueMapping.contactPoint(input, request.channel(), request.address());
        TechnicalId contactId = input.optionalId("contactId", request.contactId());
        input.verify();
        return new DecisionQuery(profileId, purposeId, topicId, contactPoint, contactId);
    }

    /** Structured reasons only: the sentences are the explanation endpoint's, and cost time on the hot path. */
    @Mapping(target = "reasons", qualifiedByName = "structured")
    DecisionJson.Decision toApi(Decision decision);

    @Mapping(target = "send", source = "decision.send")
    @Mapping(target = "track", source = "decision.track")
    @Mapping(target = "reasons", source = "decision.reasons", qualifiedByName = "explained")
    @Mapping(target = "legalBasis", source = "decision.legalBasis")
    @Mapping(target = "partner", source = "decision.partner")
    DecisionJson.Explanation toApi(DecideMessages.Explanation explanation);

    @Mapping(target = "purposeId", source = "key.purposeId")
    @Mapping(target = "topicId", source = "key.topicId")
    @Mapping(target = "current", source = "state")
    DecisionJson.ConsultedRecord toApi(DecideMessages.ConsultedRecord record);

    @Mapping(target = "purposeId", source = "record.purposeId")
    @Mapping(target = "topicId", source = "record.topicId")
    @Mapping(target = "explanation", expression = "java(reason.explanation())")
    @Named("explained")
    DecisionJson.Reason toExplained(Reason reason);

    @Mapping(target = "purposeId", source = "record.purposeId")
    @Mapping(target = "topicId", source = "record.topicId")
    @Mapping(target = "explanation", ignore = true)
    @Named("structured")
    DecisionJson.Reason toStructured(Reason reason);

    /** One line of a batch answer: the codes of the checks that blocked, or the problem that refused the line. */
    default DecisionJson.BatchDecision toLine(DecideMessages.BatchResult result) {
        return switch (result) {
            case DecideMessages.BatchResult.Decided decided -> {
                Decision decision = decided.decision();
                List<ReasonCode> blockedBy = Stream.concat(
                                decision.send() ? Stream.<Reason>empty() : decision.decisive(Aspect.MESSAGE).stream(),
                                decision.track() ? Stream.<Reason>empty() : decision.decisive(Aspect.TRACKING).stream())
                        .map(Reason::code).distinct().toList();
                yield new DecisionJson.BatchDecision(result.line(), decision.send(), decision.track(), blockedBy, null);
            }
            case DecideMessages.BatchResult.Refused refused -> new DecisionJson.BatchDecision(result.line(), null, null, null,
                    ProblemHandler.asMap(ProblemHandler.problemOf(refused.rejection())));
        };
    }
}
