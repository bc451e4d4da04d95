package org.consentplatform.adapter.in.rest.api;

import org.consentplatform.application.port.Page;
import org.consentplatform.application.port.in.ReadHistory;
import org.consentplatform.domain.consent.ChainMigration;
import org.consentplatform.domain.consent.ChainVerification;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.contactpoint.RawContactPoint;
import org.consentplatform.domain.shared.InputCheck;
import org.consentplatform.domain.shared.TechnicalId;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;

import java.time.Instant;

@Mapper(componentModel = "spring", uses = {ValueMapping.class, ConsentMapper.class}, unmappedTargetPolicy = ReportingPolicy.ERROR)
interface HistoryMapper {

    default ReadHistory.RecordQuery toQuery(HistoryJson.RecordHistoryQuery query) {
        var input = new InputCheck();
        TechnicalId profileId = input.id("profileId", query.profileId());
        RawContactPoint contactPoint = ValueMapping.contactPoint(input, query.channel(), query.address());
        TechnicalId purposeId = input.id("purposeId", query.purposeId());
        TechnicalId topicId = input.optionalId("topicId", query.topicId());
        input.verify();
        return new ReadHistory.RecordQuery(profileId, contactPoint, purposeId, topicId);
    }

    default RawContactPoint toContactPoint(HistoryJson.ContactPointHistoryQuery query) {
        var input = new InputCheck();
        RawContactPoint contactPoint = ValueMapping.contactPoint(input, query.channel(), query.address());
        input.verify();
        return contactPoint;
    }

    /** A contact point is filtered on with both its channel and address, or not at all. */
    default ReadHistory.HistoryFilter toFilter(HistoryJson.HistoryFilter filter) {
        var input = new InputCheck();
        RawContactPoint contactPoint = null;
        if ((filter.channel() == null) != (filter.address() == null)) {
            input.refuse(filter.channel() == null ? "channel" : "address", "channel and address go together");
        } else {
            contactPoint = ValueMapping.optionalContactPoint(input, filter.channel(), filter.address());
        }
        TechnicalId profileId = input.optionalId("profileId", filter.profileId());
        TechnicalId purposeId = input.optionalId("purposeId", filter.purposeId());
        input.verify();
        return new ReadHistory.HistoryFilter(filter.from(), filter.to(), contactPoint, profileId, purposeId, filter.source(),
                filter.actor(), filter.client(), filter.outcome());
    }

    HistoryJson.HistoryPage toApi(Page<ConsentChange> page);

    @Mapping(target = "profileId", source = "key.profileId")
    @Mapping(target = "channel", source = "key.contactPoint.channel")
    @Mapping(target = "address", source = "key.contactPoint.address")
    @Mapping(target = "purposeId", source = "key.purposeId")
    @Mapping(target = "topicId", source = "key.topicId")
    HistoryJson.Verification toApi(ChainVerification verification);

    HistoryJson.TenantVerification toApi(ReadHistory.TenantVerification verification);

    @Mapping(target = "intact", expression = "java(migration.intact())")
    HistoryJson.Migration toApi(ChainMigration migration);

    @Mapping(target = "state", source = "change.after")
    @Mapping(target = "seq", source = "change.seq")
    @Mapping(target = "changeId", source = "change.id")
    HistoryJson.AsOf asOf(Instant at, ConsentChange change);
}
