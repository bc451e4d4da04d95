package org.consentplatform.adapter.in.rest.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.consentplatform.adapter.in.rest.shared.PublicPaths;
import org.consentplatform.application.port.in.IssueReceipts;
import org.consentplatform.domain.receipt.ConsentReceipt;
import org.consentplatform.domain.tenant.TenantId;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Signed consent receipts, and the public key to verify them with. */
@RestController
@Tag(name = "Receipts")
class ReceiptController {

    private final IssueReceipts receipts;
    private final HistoryMapper mapper;
    private final ReceiptSigner signer;

    ReceiptController(IssueReceipts receipts, HistoryMapper mapper, ReceiptSigner signer) {
        this.receipts = receipts;
        this.mapper = mapper;
        this.signer = signer;
    }

    @PostMapping(path = "/api/v1/tenants/{tenantId}/consents/receipt", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A signed receipt (RS256 JWS, ISO/IEC TS 27560 / Kantara shaped) of a record's current consent; "
            + "verify it with the keys at " + PublicPaths.RECEIPT_KEYS)
    ConsentJson.Receipt receipt(@PathVariable String tenantId, @RequestBody HistoryJson.RecordHistoryQuery query) {
        Map<String, Object> claims = claims(receipts.receipt(new TenantId(tenantId), mapper.toQuery(query)));
        return new ConsentJson.Receipt(signer.sign(claims), claims);
    }

    @GetMapping(path = PublicPaths.RECEIPT_KEYS, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The public keys (JWK set) that consent receipts are signed with")
    Map<String, Object> keys() {
        return signer.publicKeys();
    }

    /** The receipt's claims: Kantara consent receipt field names where they exist, ISO 27560 terms otherwise. */
    private static Map<String, Object> claims(ConsentReceipt receipt) {
        var purpose = new LinkedHashMap<String, Object>();
        purpose.put("purpose", receipt.purpose().id().value());
        purpose.put("purposeName", receipt.purpose().name());
        purpose.put("purposeCategory", receipt.purpose().type().name());
        purpose.put("legalBasis", receipt.purpose().legalBasis().name());
        purpose.put("topic", receipt.record().topicId() == null ? null : receipt.record().topicId().value());
        purpose.put("consentType", "EXPLICIT");
        purpose.put("piiCategory", List.of(receipt.record().contactPoint().channel().toString()));
        purpose.put("thirdPartyDisclosure", receipt.purpose().partner() != null);
        if (receipt.purpose().partner() != null) {
            purpose.put("thirdPartyName", receipt.purpose().partner());
        }

        var controller = new LinkedHashMap<String, Object>();
        controller.put("piiController", receipt.controllerName());
        controller.put("address", receipt.controllerAddress());
        controller.put("tenant", receipt.tenant().value());

        var claims = new LinkedHashMap<String, Object>();
        claims.put("version", "KI-CR-v1.1.0");
        claims.put("consentReceiptID", receipt.receiptId());
        claims.put("iat", receipt.issuedAt().getEpochSecond());
        claims.put("language", "en");
        claims.put("piiPrincipalId", receipt.record().contactPoint().key());
        claims.put("piiControllers", List.of(controller));
        claims.put("services", List.of(Map.of("service", receipt.record().profileId().value(), "purposes", List.of(purpose))));
        claims.put("state", receipt.state().name());
        claims.put("consentTimestamp", receipt.capturedAt().getEpochSecond());
        claims.put("collectionMethod", receipt.source().name());
        claims.put("wordingVersion", receipt.evidence().wordingVersion());
        claims.put("sensitive", false);
        claims.put("changeId", receipt.changeId());
        claims.put("changeSeq", receipt.seq());
        claims.put("changeHash", receipt.changeHash());
        return claims;
    }
}
