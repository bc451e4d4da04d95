package org.consentplatform.application.port.in;

import org.consentplatform.domain.receipt.SealedReceipt;
import org.consentplatform.domain.tenant.TenantId;

import java.util.Map;

/** Signed receipts that attest a record's current consent, and the keys that check them. */
public interface IssueReceipts {

    /** @throws org.consentplatform.domain.shared.DomainRejection.NotFound when no consent is recorded */
    SealedReceipt receipt(TenantId tenant, ReadHistory.RecordQuery record);

    /** The public keys receipts are verified with, as a JWK set. */
    Map<String, Object> receiptKeys();
}
