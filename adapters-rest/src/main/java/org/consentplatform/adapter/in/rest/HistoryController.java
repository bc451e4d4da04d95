package org.consentplatform.adapter.in.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.consentplatform.application.port.in.ReadHistory;
import org.consentplatform.application.port.Page;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.tenant.TenantId;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** The audit trail, for the consent:audit scope. Read-only. */
@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/history")
@Tag(name = "Audit")
class HistoryController {

    private final ReadHistory history;
    private final RestMapper mapper;

    HistoryController(ReadHistory history, RestMapper mapper) {
        this.history = history;
        this.mapper = mapper;
    }

    @PostMapping("/record")
    @Operation(summary = "Every change of one record, applied or superseded, oldest first")
    Api.HistoryPage ofRecord(@PathVariable String tenantId, @RequestBody Api.RecordHistoryQuery query,
                             @RequestParam(required = false) String cursor,
                             @RequestParam(defaultValue = "100") int limit) {
        return page(history.ofRecord(new TenantId(tenantId), mapper.toQuery(query), cursor, limit));
    }

    @PostMapping("/contact-point")
    @Operation(summary = "Every change of every record of one contact point, oldest first")
    Api.HistoryPage ofContactPoint(@PathVariable String tenantId, @RequestBody Api.ContactPointHistoryQuery query,
                                   @RequestParam(required = false) String cursor,
                                   @RequestParam(defaultValue = "100") int limit) {
        return page(history.ofContactPoint(new TenantId(tenantId), query.channel(), query.address(), cursor, limit));
    }

    @PostMapping("/record/as-of")
    @Operation(summary = "The record as the platform held it at an instant (RFC 3339), replayed from the change log")
    Api.AsOf asOf(@PathVariable String tenantId, @RequestBody Api.RecordHistoryQuery query, @RequestParam Instant at) {
        return mapper.asOf(at, history.asOf(new TenantId(tenantId), mapper.toQuery(query), at));
    }

    @PostMapping("/record/verify")
    @Operation(summary = "Check one record's hash chain: the first entry whose content, order or presence changed")
    Api.Verification verifyRecord(@PathVariable String tenantId, @RequestBody Api.RecordHistoryQuery query) {
        return mapper.toApi(history.verify(new TenantId(tenantId), mapper.toQuery(query)));
    }

    @PostMapping("/verify")
    @Operation(summary = "Check the hash chain of every record of the tenant; broken records are listed (at most 100)")
    Api.TenantVerification verifyTenant(@PathVariable String tenantId) {
        return mapper.toApi(history.verifyTenant(new TenantId(tenantId)));
    }

    private Api.HistoryPage page(Page<ConsentChange> page) {
        return new Api.HistoryPage(page.items().stream().map(mapper::toApi).toList(), page.nextCursor());
    }
}
