package org.consentplatform.adapter.in.rest.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.consentplatform.adapter.in.rest.shared.PublicPaths;
import org.consentplatform.application.port.in.IssueReceipts;
import org.consentplatform.domain.receipt.SealedReceipt;
import org.consentplatform.domain.tenant.TenantId;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Signed consent receipts, and the public key to verify them with. */
@RestController
@Tag(name = "Receipts")
class ReceiptController {

    private final IssueReceipts receipts;
    private final HistoryMapper mapper;

    ReceiptController(IssueReceipts receipts, HistoryMapper mapper) {
        this.receipts = receipts;
        this.mapper = mapper;
    }

    @PostMapping(path = "/api/v1/tenants/{tenantId}/consents/receipt", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A signed receipt (RS256 JWS, ISO/IEC TS 27560 / Kantara shaped) of a record's current consent; "
            + "verify it with the keys at " + PublicPaths.RECEIPT_KEYS)
    ConsentJson.Receipt receipt(@PathVariable String tenantId, @RequestBody HistoryJson.RecordHistoryQuery query) {
        SealedReceipt sealed = receipts.receipt(new TenantId(tenantId), mapper.toQuery(query));
        return new ConsentJson.Receipt(sealed.jws(), sealed.claims());
    }

    @GetMapping(path = PublicPaths.RECEIPT_KEYS, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The public keys (JWK set) that consent receipts are signed with")
    Map<String, Object> keys() {
        return receipts.receiptKeys();
    }
}
