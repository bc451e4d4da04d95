package org.consentplatform.adapter.in.rest.api;

import org.consentplatform.adapter.in.rest.shared.CsvCells;
import org.consentplatform.domain.shared.DomainRejection;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reports as CSV for a spreadsheet: the JSON answer's lines flattened, one row each, empty cells for absent values. */
final class ReportCsv {

    static final String MEDIA_TYPE = "text/csv";
    private static final MediaType CSV = MediaType.parseMediaType(MEDIA_TYPE);

    private static final List<String> REACH_COLUMNS = List.of("profileId", "purposeId", "topicId", "channel", "aspect", "model",
            "legalBasis", "partner", "optedIn", "optedOut", "pendingConfirmation", "expired", "overdueOptIns", "supersededOptIns", "willSend",
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

    /**
     * Whether the report is answered as CSV: as {@code format} says, else as the Accept header
     * prefers. A representation the Accept header refuses is a 406, not an answer nobody can read.
     */
    static boolean asked(String format, String accept) throws HttpMediaTypeNotAcceptableException {
        List<MediaType> accepted = accept == null || accept.isBlank() ? List.of(MediaType.ALL) : MediaType.parseMediaTypes(accept);
        double json = quality(accepted, MediaType.APPLICATION_JSON);
        double csv = quality(accepted, CSV);
        boolean asCsv = switch (format == null ? (csv > json ? "csv" : "json") : format) {
            case "json" -> false;
            case "csv" -> true;
            default -> throw DomainRejection.InvalidInput.of("format", "must be json or csv");
        };
        if ((asCsv ? csv : json) <= 0) {
            throw new HttpMediaTypeNotAcceptableException(List.of(asCsv ? CSV : MediaType.APPLICATION_JSON));
        }
        return asCsv;
    }

    private static double quality(List<MediaType> accepted, MediaType type) {
        return accepted.stream().filter(range -> range.includes(type)).mapToDouble(MediaType::getQualityValue).max().orElse(0);
    }

    private static List<Object> reachCells(ReportJson.ReachLine line) {
        return Arrays.<Object>asList(line.profileId(), line.purposeId(), text(line.topicId()), line.channel(), line.aspect(), line.model(),
                line.legalBasis(), text(line.partner()), line.records().optedIn(), line.records().optedOut(),
                line.records().pendingConfirmation(), line.records().expired(), line.overdueOptIns(), line.supersededOptIns(), text(line.willSend()),
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
