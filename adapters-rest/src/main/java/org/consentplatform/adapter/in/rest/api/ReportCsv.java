package org.consentplatform.adapter.in.rest.api;

import org.consentplatform.adapter.in.rest.shared.CsvCells;
import org.consentplatform.domain.shared.DomainRejection;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reports as CSV for a spreadsheet: the JSON answer's lines flattened, one row each, empty cells for absent values. */
final class ReportCsv {

    static final String MEDIA_TYPE = "text/csv";

    private static final List<String> REACH_COLUMNS = List.of("profileId", "purposeId", "topicId", "channel", "aspect", "model",
            "legalBasis", "partner", "optedIn", "optedOut", "pendingConfirmation", "expired", "overdueOptIns", "willSend",
            "willNotSend", "willTrack", "willNotTrack", "permittedWithoutRecord");
    private static final List<String> DAILY_COLUMNS = List.of("day", "profileId", "purposeId", "topicId", "channel", "optIns",
            "optOuts", "expiries", "renewals");

    private ReportCsv() {
    }

    static ResponseEntity<String> reach(ReportJson.ReachReport report) {
        return csv("reach", REACH_COLUMNS, report.lines().stream().map(ReportCsv::reachCells).toList());
    }

    static ResponseEntity<String> partners(ReportJson.PartnerReport report) {
        return csv("partners", REACH_COLUMNS, report.partners().stream().flatMap(partner -> partner.purposes().stream())
                .map(ReportCsv::reachCells).toList());
    }

    static ResponseEntity<String> daily(ReportJson.DailyReport report) {
        var rows = new ArrayList<List<Object>>();
        report.series().forEach(s -> s.days().forEach(day -> rows.add(List.of(day.day(), s.profileId(), s.purposeId(),
                text(s.topicId()), s.channel(), day.optIns(), day.optOuts(), day.expiries(), day.renewals()))));
        return csv("daily", DAILY_COLUMNS, rows);
    }

    /** Whether the {@code format} parameter asks for CSV (else JSON). */
    static boolean asked(String format) {
        return switch (format) {
            case "json" -> false;
            case "csv" -> true;
            default -> throw DomainRejection.InvalidInput.of("format", "must be json or csv");
        };
    }

    private static List<Object> reachCells(ReportJson.ReachLine line) {
        return Arrays.<Object>asList(line.profileId(), line.purposeId(), text(line.topicId()), line.channel(), line.aspect(), line.model(),
                line.legalBasis(), text(line.partner()), line.records().optedIn(), line.records().optedOut(),
                line.records().pendingConfirmation(), line.records().expired(), line.overdueOptIns(), text(line.willSend()),
                text(line.willNotSend()), text(line.willTrack()), text(line.willNotTrack()), line.permittedWithoutRecord());
    }

    private static Object text(Object value) {
        return value == null ? "" : value;
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
