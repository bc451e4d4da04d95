package org.consentplatform.adapter.in.console.pages;

import jakarta.servlet.http.HttpServletResponse;
import org.consentplatform.application.port.in.ManageProfiles;
import org.consentplatform.application.port.in.ReadReports;
import org.consentplatform.domain.report.DayFigures;
import org.consentplatform.domain.report.OptOutSurge;
import org.consentplatform.domain.report.Reach;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Reports for marketers: reach per profile, purpose and channel; opt-ins, opt-outs, expiries and
 * renewals per day as a chart, with a warning on days whose opt-outs surged; the partner
 * report; each as CSV.
 */
@Controller
class ReportsPage {

    static final int DEFAULT_DAYS = 30;

    private final ReadReports reports;
    private final ManageProfiles profiles;
    private final Clock clock;

    ReportsPage(ReadReports reports, ManageProfiles profiles, Clock clock) {
        this.reports = reports;
        this.profiles = profiles;
        this.clock = clock;
    }

    /** What a report is asked for: a profile (or all) and a range of UTC days. */
    record Range(TechnicalId profile, LocalDate from, LocalDate to) {

        static Range of(String profile, String from, String to, Clock clock) {
            LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            LocalDate end = day("to", to, today);
            LocalDate start = day("from", from, end.minusDays(DEFAULT_DAYS - 1));
            if (start.isAfter(end)) {
                throw DomainRejection.InvalidInput.of("to", "must not be before from");
            }
            if (end.toEpochDay() - start.toEpochDay() + 1 > ReadReports.MAX_DAYS) {
                throw DomainRejection.InvalidInput.of("from", "a report covers at most " + ReadReports.MAX_DAYS + " days");
            }
            return new Range(profile == null || profile.isBlank() ? null : TechnicalId.parse("profile", profile), start, end);
        }

        private static LocalDate day(String field, String raw, LocalDate otherwise) {
            try {
                return raw == null || raw.isBlank() ? otherwise : LocalDate.parse(raw);
            } catch (DateTimeParseException e) {
                throw DomainRejection.InvalidInput.of(field, "must be a day such as 2026-12-01");
            }
        }
    }

    @GetMapping("/console/t/{tenantId}/reports")
    String reports(@PathVariable String tenantId, @RequestParam(required = false) String profile,
                   @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        TenantId tenant = new TenantId(tenantId);
        Range range = Range.of(profile, from, to, clock);
        model.addAttribute("tenant", tenantId).addAttribute("range", range).addAttribute("profiles", profiles.list(tenant))
                .addAttribute("reach", reports.reach(tenant, range.profile()))
                .addAttribute("partners", reports.partners(tenant));
        if (range.profile() != null) {
            SortedMap<LocalDate, DayFigures> totals = DayFigures.totals(reports.days(tenant, range.profile(), range.from(), range.to()));
            model.addAttribute("totals", totals).addAttribute("chart", DailyChart.of(totals, range.from(), range.to()))
                    .addAttribute("surges", OptOutSurge.in(totals, range.from()));
        }
        return "console/reports";
    }

    @GetMapping("/console/t/{tenantId}/reports/reach.csv")
    void reachCsv(@PathVariable String tenantId, @RequestParam(required = false) String profile, HttpServletResponse response)
            throws IOException {
        List<Reach> reach = reports.reach(new TenantId(tenantId), Range.of(profile, null, null, clock).profile());
        PrintWriter out = csv(response, "reach-" + tenantId + ".csv");
        out.print("profile,purpose,topic,channel,model,permitted,blocked\r\n");
        for (Reach line : reach) {
            out.print(String.join(",", Csv.cell(line.series().profileId().value()), Csv.cell(line.series().purposeId().value()),
                    Csv.cell(line.series().topicId() == null ? "" : line.series().topicId().value()), Csv.cell(line.series().channel().toString()),
                    Csv.cell(line.model().name()), String.valueOf(line.permitted()), String.valueOf(line.blocked())) + "\r\n");
        }
        out.flush();
    }

    @GetMapping("/console/t/{tenantId}/reports/days.csv")
    void daysCsv(@PathVariable String tenantId, @RequestParam String profile, @RequestParam(required = false) String from,
                 @RequestParam(required = false) String to, HttpServletResponse response) throws IOException {
        Range range = Range.of(profile, from, to, clock);
        if (range.profile() == null) {
            throw DomainRejection.InvalidInput.of("profile", "is required");
        }
        SortedMap<LocalDate, DayFigures> totals = DayFigures.totals(reports.days(new TenantId(tenantId), range.profile(), range.from(), range.to()));
        PrintWriter out = csv(response, "days-" + tenantId + "-" + range.profile() + ".csv");
        out.print("day,optIns,optOuts,expiries,renewals\r\n");
        for (LocalDate day = range.from(); !day.isAfter(range.to()); day = day.plusDays(1)) {
            DayFigures f = totals.getOrDefault(day, DayFigures.ZERO);
            out.print(day + "," + f.optIns() + "," + f.optOuts() + "," + f.expiries() + "," + f.renewals() + "\r\n");
        }
        out.flush();
    }

    @GetMapping("/console/t/{tenantId}/reports/partners.csv")
    void partnersCsv(@PathVariable String tenantId, HttpServletResponse response) throws IOException {
        Map<String, List<Reach>> partners = reports.partners(new TenantId(tenantId));
        PrintWriter out = csv(response, "partners-" + tenantId + ".csv");
        out.print("partner,profile,purpose,channel,permitted,blocked\r\n");
        partners.forEach((partner, lines) -> lines.forEach(line -> out.print(String.join(",", Csv.cell(partner),
                Csv.cell(line.series().profileId().value()), Csv.cell(line.series().purposeId().value()),
                Csv.cell(line.series().channel().toString()), String.valueOf(line.permitted()), String.valueOf(line.blocked())) + "\r\n")));
        out.flush();
    }

    private static PrintWriter csv(HttpServletResponse response, String name) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
        return response.getWriter();
    }

    /** RFC 4180 cells, with what a spreadsheet would run as a formula neutralised (OWASP CSV injection). */
    static final class Csv {

        private Csv() {
        }

        static String cell(String value) {
            String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
            return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                    ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
        }
    }
}
