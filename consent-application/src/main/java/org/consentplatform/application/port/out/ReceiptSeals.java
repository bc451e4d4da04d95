package org.consentplatform.application.port.out;

import org.consentplatform.domain.receipt.ConsentReceipt;
import org.consentplatform.domain.receipt.SealedReceipt;

import java.util.Map;

/** Signs receipts with the platform's receipt key, and publishes the key that checks them. */
public interface ReceiptSeals {

    SealedReceipt seal(ConsentReceipt receipt);

    /** The public keys receipts are verified with, as a JWK set. */
    Map<String, Object> publicKeys();
}
