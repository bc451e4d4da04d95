package org.consentplatform.adapter.in.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.consentplatform.application.port.in.ReadReports;
import org.consentplatform.domain.enforcement.Aspect;
import org.consentplatform.domain.report.CountedState;
import org.consentplatform.domain.report.DayFigures;
import org.consentplatform.domain.report.Reach;
import org.consentplatform.domain.report.Series;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reports (§12) as JSON or, with {@code format=csv}, as CSV for a spreadsheet. Figures come from
 * counters the change log feeds every few seconds, never from reading every record.
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/reports")
@Tag(name = "Reports")
class ReportController {

    private static final String CSV = "text/csv";
    private static final int DEFAULT_DAYS = 30;

    private final ReadReports reports;
    private final Clock clock;

    ReportController(ReadReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @GetMapping(path = "/reach", produces = {MediaType.APPLICATION_JSON_VALUE, CSV})
    @Operation(summary = "Per profile, purpose (and topic) and channel: records by state, and contact points that will be sent "
            + "to or not (tracked or not, for the TRACKING purpose)",
            responses = @ApiResponse(responseCode = "200", content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Api.ReachReport.class)), @Content(mediaType = CSV)}))
    ResponseEntity<?> reach(@PathVariable String tenantId, @RequestParam(required = false) String profileId,
                            @RequestParam(defaultValue = "json") String format) {
        boolean csv = csv(format);
        List<Api.ReachLine> lines = reports.reach(new TenantId(tenantId), profile(profileId)).stream()
                .map(ReportController::line).toList();
        if (!csv) {
            return ResponseEntity.ok(new Api.ReachReport(clock.instant(), lines));
        }
        return csv("reach", REACH_COLUMNS, lines.stream().map(ReportController::reachCells).toList());
    }

    @GetMapping(path = "/daily", produces = {MediaType.APPLICATION_JSON_VALUE, CSV})
    @Operation(summary = "Per profile, purpose (and topic) and channel: opt-ins, opt-outs, expiries and renewals per UTC day of "
            + "capture, from 'from' to 'to' (ISO dates, both included, at most 366 days; the last 30 days by default)",
            responses = @ApiResponse(responseCode = "200", content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Api.DailyReport.class)), @Content(mediaType = CSV)}))
    ResponseEntity<?> daily(@PathVariable String tenantId, @RequestParam(required = false) String profileId,
                            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                            @RequestParam(defaultValue = "json") String format) {
        boolean csv = csv(format);
        LocalDate last = to == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : date("to", to);
        LocalDate first = from == null ? last.minusDays(DEFAULT_DAYS - 1) : date("from", from);
        Map<Series, Map<LocalDate, DayFigures>> figures = reports.days(new TenantId(tenantId), profile(profileId), first, last);
        if (!csv) {
            var series = new ArrayList<Api.DailySeries>();
            figures.forEach((s, days) -> series.add(new Api.DailySeries(s.profileId().value(), s.purposeId().value(), topic(s),
                    s.channel().toString(), days.entrySet().stream().map(day -> new Api.DayLine(day.getKey(), day.getValue().optIns(),
                    day.getValue().optOuts(), day.getValue().expiries(), day.getValue().renewals())).toList())));
            return ResponseEntity.ok(new Api.DailyReport(first, last, series));
        }
        var rows = new ArrayList<List<Object>>();
        figures.forEach((s, days) -> days.forEach((day, f) -> rows.add(List.of(day, s.profileId().value(), s.purposeId().value(),
                text(topic(s)), s.channel().toString(), f.optIns(), f.optOuts(), f.expiries(), f.renewals()))));
        return csv("daily", List.of("day", "profileId", "purposeId", "topicId", "channel", "optIns", "optOuts", "expiries",
                "renewals"), rows);
    }

    @GetMapping(path = "/partners", produces = {MediaType.APPLICATION_JSON_VALUE, CSV})
    @Operation(summary = "Every purpose that names a partner (the third party its data is shared with), by partner, with its reach",
            responses = @ApiResponse(responseCode = "200", content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Api.PartnerReport.class)), @Content(mediaType = CSV)}))
    ResponseEntity<?> partners(@PathVariable String tenantId, @RequestParam(defaultValue = "json") String format) {
        boolean csv = csv(format);
        var partners = new ArrayList<Api.PartnerLine>();
        reports.partners(new TenantId(tenantId)).forEach((partner, lines) ->
                partners.add(new Api.PartnerLine(partner, lines.stream().map(ReportController::line).toList())));
        if (!csv) {
            return ResponseEntity.ok(new Api.PartnerReport(clock.instant(), partners));
        }
        return csv("partners", REACH_COLUMNS, partners.stream().flatMap(partner -> partner.purposes().stream())
                .map(ReportController::reachCells).toList());
    }

    private static final List<String> REACH_COLUMNS = List.of("profileId", "purposeId", "topicId", "channel", "aspect", "model",
            "legalBasis", "partner", "optedIn", "optedOut", "pendingConfirmation", "expired", "overdueOptIns", "willSend",
            "willNotSend", "willTrack", "willNotTrack", "permittedWithoutRecord");

    private static List<Object> reachCells(Api.ReachLine line) {
        return Arrays.<Object>asList(line.profileId(), line.purposeId(), text(line.topicId()), line.channel(), line.aspect(), line.model(),
                line.legalBasis(), text(line.partner()), line.records().optedIn(), line.records().optedOut(),
                line.records().pendingConfirmation(), line.records().expired(), line.overdueOptIns(), text(line.willSend()),
                text(line.willNotSend()), text(line.willTrack()), text(line.willNotTrack()), line.permittedWithoutRecord());
    }

    private static Api.ReachLine line(Reach reach) {
        Series s = reach.series();
        Map<CountedState, Long> records = reach.records();
        boolean tracking = reach.aspect() == Aspect.TRACKING;
        return new Api.ReachLine(s.profileId().value(), s.purposeId().value(), topic(s), s.channel().toString(), reach.aspect(),
                reach.model(), reach.purpose().legalBasis(), reach.purpose().partner(),
                new Api.RecordCounts(records.get(CountedState.OPTED_IN), records.get(CountedState.OPTED_OUT),
                        records.get(CountedState.PENDING_CONFIRMATION), records.get(CountedState.EXPIRED)),
                reach.overdueOptIns(), tracking ? null : reach.permitted(), tracking ? null : reach.blocked(),
                tracking ? reach.permitted() : null, tracking ? reach.blocked() : null, reach.permitsWithoutRecord());
    }

    private static String topic(Series series) {
        return series.topicId() == null ? null : series.topicId().value();
    }

    private static Object text(Object value) {
        return value == null ? "" : value;
    }

    private static TechnicalId profile(String profileId) {
        return profileId == null ? null : TechnicalId.parse("profileId", profileId);
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainRejection.InvalidInput.of(field, "must be an ISO date such as 2026-11-23");
        }
    }

    private static boolean csv(String format) {
        return switch (format) {
            case "json" -> false;
            case "csv" -> true;
            default -> throw DomainRejection.InvalidInput.of("format", "must be json or csv");
        };
    }

    private static ResponseEntity<String> csv(String name, List<String> columns, List<List<Object>> rows) {
        var out = new StringBuilder(String.join(",", columns)).append("\r\n");
        for (List<Object> row : rows) {
            out.append(String.join(",", row.stream().map(cell -> cell instanceof String text ? CsvCells.of(text) : cell.toString()).toList()))
                    .append("\r\n");
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"").body(out.toString());
    }
}
