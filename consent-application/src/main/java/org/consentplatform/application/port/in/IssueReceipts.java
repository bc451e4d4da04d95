package org.consentplatform.application.port.in;

import org.consentplatform.domain.receipt.ConsentReceipt;
import org.consentplatform.domain.tenant.TenantId;

/** Receipts that attest a record's current consent. */
public interface IssueReceipts {

    ConsentReceipt receipt(TenantId tenant, ReadHistory.RecordQuery record);
}
