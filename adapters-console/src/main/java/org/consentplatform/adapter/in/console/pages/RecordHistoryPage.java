package org.consentplatform.adapter.in.console.pages;

import org.consentplatform.application.port.Page;
import org.consentplatform.application.port.in.IssueReceipts;
import org.consentplatform.application.port.in.ReadHistory;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.contactpoint.RawContactPoint;
import org.consentplatform.domain.receipt.SealedReceipt;
import org.consentplatform.domain.shared.InputCheck;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record's history for an auditor: every change with who, when, source, evidence and
 * outcome (superseded and rejected attempts included), the record's chain check, and its state
 * as of a chosen instant.
 */
@Controller
class RecordHistoryPage {

    static final int PAGE_SIZE = 50;

    private final ReadHistory history;
    private final IssueReceipts receipts;

    RecordHistoryPage(ReadHistory history, IssueReceipts receipts) {
        this.history = history;
        this.receipts = receipts;
    }

    @GetMapping("/console/t/{tenantId}/history/record")
    String record(@PathVariable String tenantId, @RequestParam String profile, @RequestParam String channel,
                  @RequestParam String address, @RequestParam String purpose, @RequestParam(required = false) String topic,
                  @RequestParam(required = false) String cursor, @RequestParam(required = false) String asOf, Model model) {
        TenantId tenant = new TenantId(tenantId);
        var record = record(profile, channel, address, purpose, topic);
        Page<ConsentChange> changes = history.ofRecord(tenant, record, cursor, PAGE_SIZE);
        model.addAttribute("tenant", tenantId).addAttribute("query", record).addAttribute("changes", changes)
                .addAttribute("verification", history.verify(tenant, record))
                .addAttribute("asOf", asOf == null ? "" : asOf);
        if (asOf != null && !asOf.isBlank()) {
            var input = new InputCheck();
            Instant at = FormValues.utc(input, "asOf", asOf);
            input.verify();
            model.addAttribute("stateAsOf", history.asOf(tenant, record, at)).addAttribute("askedAsOf", true);
        }
        return "console/record-history";
    }

    /** The record's current consent as a signed receipt (the API's), to keep or hand to the person. */
    @GetMapping("/console/t/{tenantId}/history/record/receipt")
    @ResponseBody
    ResponseEntity<Map<String, Object>> receipt(@PathVariable String tenantId, @RequestParam String profile, @RequestParam String channel,
                                                @RequestParam String address, @RequestParam String purpose,
                                                @RequestParam(required = false) String topic) {
        SealedReceipt sealed = receipts.receipt(new TenantId(tenantId), record(profile, channel, address, purpose, topic));
        var body = new LinkedHashMap<String, Object>();
        body.put("jws", sealed.jws());
        body.put("claims", sealed.claims());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"receipt-" + sealed.receipt().changeId() + ".json\"")
                .body(body);
    }

    private static ReadHistory.RecordQuery record(String profile, String channel, String address, String purpose, String topic) {
        return new ReadHistory.RecordQuery(TechnicalId.parse("profile", profile), RawContactPoint.parse(channel, address),
                TechnicalId.parse("purpose", purpose), topic == null || topic.isBlank() ? null : TechnicalId.parse("topic", topic));
    }
}
