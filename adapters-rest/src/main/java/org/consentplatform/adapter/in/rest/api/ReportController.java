package org.consentplatform.adapter.in.rest.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.consentplatform.application.port.in.ReadReports;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reports (§12) as JSON or, with {@code format=csv}, as CSV for a spreadsheet. Figures come from
 * counters the change log feeds every few seconds, never from reading every record.
 */
@RestController
@RequestMapping(path = "/api/v1/tenants/{tenantId}/reports", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reports")
class ReportController {

    private static final String CSV = ReportCsv.MEDIA_TYPE;
    private static final int DEFAULT_DAYS = 30;

    private final ReadReports reports;
    private final ReportMapper mapper;
    private final Clock clock;

    ReportController(ReadReports reports, ReportMapper mapper, Clock clock) {
        this.reports = reports;
        this.mapper = mapper;
        this.clock = clock;
    }

    @GetMapping(path = "/reach", produces = {MediaType.APPLICATION_JSON_VALUE, CSV})
    @Operation(summary = "Per profile, purpose (and topic) and channel: records by state, and contact points that will be sent "
            + "to or not (tracked or not, for the TRACKING purpose)",
            responses = @ApiResponse(responseCode = "200", content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ReportJson.ReachReport.class)), @Content(mediaType = CSV)}))
    ResponseEntity<?> reach(@PathVariable String tenantId, @RequestParam(required = false) String profileId,
                            @RequestParam(required = false) String format,
                            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept)
            throws HttpMediaTypeNotAcceptableException {
        boolean csv = ReportCsv.asked(format, accept);
        var report = mapper.toReach(clock.instant(), reports.reach(new TenantId(tenantId), profile(profileId)));
        return csv ? ReportCsv.reach(report) : ResponseEntity.ok(report);
    }

    @GetMapping(path = "/daily", produces = {MediaType.APPLICATION_JSON_VALUE, CSV})
    @Operation(summary = "Per profile, purpose (and topic) and channel: opt-ins, opt-outs, expiries and renewals per UTC day of "
            + "capture, from 'from' to 'to' (ISO dates, both included, at most 366 days; the last 30 days by default)",
            responses = @ApiResponse(responseCode = "200", content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ReportJson.DailyReport.class)), @Content(mediaType = CSV)}))
    ResponseEntity<?> daily(@PathVariable String tenantId, @RequestParam(required = false) String profileId,
                            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                            @RequestParam(required = false) String format,
                            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept)
            throws HttpMediaTypeNotAcceptableException {
        boolean csv = ReportCsv.asked(format, accept);
        LocalDate last = to == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : date("to", to);
        LocalDate first = from == null ? last.minusDays(DEFAULT_DAYS - 1) : date("from", from);
        var report = mapper.toDaily(first, last, reports.days(new TenantId(tenantId), profile(profileId), first, last));
        return csv ? ReportCsv.daily(report) : ResponseEntity.ok(report);
    }

    @GetMapping(path = "/partners", produces = {MediaType.APPLICATION_JSON_VALUE, CSV})
    @Operation(summary = "Every purpose that names a partner (the third party its data is shared with), by partner, with its reach",
            responses = @ApiResponse(responseCode = "200", content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ReportJson.PartnerReport.class)), @Content(mediaType = CSV)}))
    ResponseEntity<?> partners(@PathVariable String tenantId, @RequestParam(required = false) String format,
                            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept)
            throws HttpMediaTypeNotAcceptableException {
        boolean csv = ReportCsv.asked(format, accept);
        var report = mapper.toPartners(clock.instant(), reports.partners(new TenantId(tenantId)));
        return csv ? ReportCsv.partners(report) : ResponseEntity.ok(report);
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
}
