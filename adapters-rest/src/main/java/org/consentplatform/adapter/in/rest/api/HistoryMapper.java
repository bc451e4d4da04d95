package org.consentplatform.adapter.in.rest.api;

import org.consentplatform.application.port.Page;
import org.consentplatform.application.port.in.ReadHistory;
import org.consentplatform.domain.consent.ChainVerification;
import org.consentplatform.domain.consent.ConsentChange;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;

import java.time.Instant;

@Mapper(componentModel = "spring", uses = {ValueMapping.class, ConsentMapper.class}, unmappedTargetPolicy = ReportingPolicy.ERROR)
interface HistoryMapper {

    ReadHistory.RecordQuery toQuery(HistoryJson.RecordHistoryQuery query);

    ReadHistory.HistoryFilter toFilter(HistoryJson.HistoryFilter filter);

    HistoryJson.HistoryPage toApi(Page<ConsentChange> page);

    @Mapping(target = "profileId", source = "key.profileId")
    @Mapping(target = "channel", source = "key.contactPoint.channel")
    @Mapping(target = "address", source = "key.contactPoint.address")
    @Mapping(target = "purposeId", source = "key.purposeId")
    @Mapping(target = "topicId", source = "key.topicId")
    HistoryJson.Verification toApi(ChainVerification verification);

    HistoryJson.TenantVerification toApi(ReadHistory.TenantVerification verification);

    @Mapping(target = "state", source = "change.after")
    @Mapping(target = "seq", source = "change.seq")
    @Mapping(target = "changeId", source = "change.id")
    HistoryJson.AsOf asOf(Instant at, ConsentChange change);
}
