package org.consentplatform.adapter.in.rest.api;

import org.consentplatform.domain.enforcement.Aspect;
import org.consentplatform.domain.report.CountedState;
import org.consentplatform.domain.report.DayFigures;
import org.consentplatform.domain.report.Reach;
import org.consentplatform.domain.report.Series;
import org.mapstruct.Mapper;
import org.mapstruct.ReportingPolicy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Mapper(componentModel = "spring", uses = ValueMapping.class, unmappedTargetPolicy = ReportingPolicy.ERROR)
interface ReportMapper {

    /** Sent-to counts for a message purpose, tracked counts for the TRACKING purpose; the other pair stays empty. */
    default ReportJson.ReachLine toApi(Reach reach) {
        Series s = reach.series();
        Map<CountedState, Long> records = reach.records();
        boolean tracking = reach.aspect() == Aspect.TRACKING;
        return new ReportJson.ReachLine(s.profileId().value(), s.purposeId().value(), ValueMapping.map(s.topicId()),
                s.channel().toString(), reach.aspect(), reach.model(), reach.purpose().legalBasis(), reach.purpose().partner(),
                new ReportJson.RecordCounts(records.get(CountedState.OPTED_IN), records.get(CountedState.OPTED_OUT),
                        records.get(CountedState.PENDING_CONFIRMATION), records.get(CountedState.EXPIRED)),
                reach.overdueOptIns(), reach.supersededOptIns(), tracking ? null : reach.permitted(), tracking ? null : reach.blocked(),
                tracking ? reach.permitted() : null, tracking ? reach.blocked() : null, reach.permitsWithoutRecord());
    }

    default ReportJson.ReachReport toReach(Instant asOf, List<Reach> reach) {
        return new ReportJson.ReachReport(asOf, reach.stream().map(this::toApi).toList());
    }

    default ReportJson.PartnerReport toPartners(Instant asOf, Map<String, List<Reach>> partners) {
        var lines = new ArrayList<ReportJson.PartnerLine>();
        partners.forEach((partner, reach) -> lines.add(new ReportJson.PartnerLine(partner, reach.stream().map(this::toApi).toList())));
        return new ReportJson.PartnerReport(asOf, lines);
    }

    default ReportJson.DailyReport toDaily(LocalDate from, LocalDate to, Map<Series, Map<LocalDate, DayFigures>> figures) {
        var series = new ArrayList<ReportJson.DailySeries>();
        figures.forEach((s, days) -> series.add(toApi(s, days.entrySet().stream().map(day -> toApi(day.getKey(), day.getValue())).toList())));
        return new ReportJson.DailyReport(from, to, series);
    }

    ReportJson.DailySeries toApi(Series series, List<ReportJson.DayLine> days);

    ReportJson.DayLine toApi(LocalDate day, DayFigures figures);
}
