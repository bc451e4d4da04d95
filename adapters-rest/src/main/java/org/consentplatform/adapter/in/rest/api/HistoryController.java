package org.consentplatform.adapter.in.rest.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.consentplatform.adapter.in.rest.shared.NdJson;
import org.consentplatform.application.port.in.ReadHistory;
import org.consentplatform.domain.tenant.TenantId;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Instant;

/** The audit trail, for the consent:audit scope. Read-only. */
@RestController
@RequestMapping(path = "/api/v1/tenants/{tenantId}/history", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit")
class HistoryController {

    private final ReadHistory history;
    private final HistoryMapper mapper;
    private final ConsentMapper changes;
    private final JsonMapper json;

    HistoryController(ReadHistory history, HistoryMapper mapper, ConsentMapper changes, JsonMapper json) {
        this.history = history;
        this.mapper = mapper;
        this.changes = changes;
        this.json = json;
    }

    @PostMapping("/record")
    @Operation(summary = "Every change of one record, applied or superseded, oldest first")
    HistoryJson.HistoryPage ofRecord(@PathVariable String tenantId, @RequestBody HistoryJson.RecordHistoryQuery query,
                             @RequestParam(required = false) String cursor,
                             @RequestParam(defaultValue = "100") int limit) {
        return mapper.toApi(history.ofRecord(new TenantId(tenantId), mapper.toQuery(query), cursor, limit));
    }

    @PostMapping("/contact-point")
    @Operation(summary = "Every change of every record of one contact point, oldest first")
    HistoryJson.HistoryPage ofContactPoint(@PathVariable String tenantId, @RequestBody HistoryJson.ContactPointHistoryQuery query,
                                   @RequestParam(required = false) String cursor,
                                   @RequestParam(defaultValue = "100") int limit) {
        return mapper.toApi(history.ofContactPoint(new TenantId(tenantId), mapper.toContactPoint(query), cursor, limit));
    }

    @PostMapping("/search")
    @Operation(summary = "The tenant's history filtered by time range, contact point, profile, purpose, source, actor, client or outcome, oldest first")
    HistoryJson.HistoryPage search(@PathVariable String tenantId, @RequestBody HistoryJson.HistoryFilter filter,
                           @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "100") int limit) {
        return mapper.toApi(history.search(new TenantId(tenantId), mapper.toFilter(filter), cursor, limit));
    }

    @PostMapping(path = "/export", produces = NdJson.MEDIA_TYPE)
    @Operation(summary = "Every matching entry as NDJSON (one Change per line), oldest first, streamed without a size cap",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = NdJson.MEDIA_TYPE,
                    schema = @Schema(implementation = ConsentJson.Change.class))))
    void export(@PathVariable String tenantId, @RequestBody HistoryJson.HistoryFilter filter,
                @Parameter(hidden = true) HttpServletResponse response) throws IOException {
        ReadHistory.HistoryFilter criteria = mapper.toFilter(filter);
        NdJson.write(response, json, line -> history.export(new TenantId(tenantId), criteria, change -> line.accept(changes.toApi(change))));
    }

    @PostMapping("/record/as-of")
    @Operation(summary = "The record as the platform held it at an instant (RFC 3339), replayed from the change log")
    HistoryJson.AsOf asOf(@PathVariable String tenantId, @RequestBody HistoryJson.RecordHistoryQuery query, @RequestParam Instant at) {
        return mapper.asOf(at, history.asOf(new TenantId(tenantId), mapper.toQuery(query), at));
    }

    @PostMapping("/record/verify")
    @Operation(summary = "Check one record's hash chain: the first entry whose content, order or presence changed")
    HistoryJson.Verification verifyRecord(@PathVariable String tenantId, @RequestBody HistoryJson.RecordHistoryQuery query) {
        return mapper.toApi(history.verify(new TenantId(tenantId), mapper.toQuery(query)));
    }

    @PostMapping("/verify")
    @Operation(summary = "Check the hash chain of every record of the tenant; broken records are listed (at most 100)")
    HistoryJson.TenantVerification verifyTenant(@PathVariable String tenantId) {
        return mapper.toApi(history.verifyTenant(new TenantId(tenantId)));
    }
}
