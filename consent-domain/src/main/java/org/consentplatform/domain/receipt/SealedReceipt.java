package org.consentplatform.domain.receipt;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A receipt as the platform hands it out: signed, so that whoever holds it can check it against
 * the platform's published keys without asking the platform.
 *
 * @param jws    the signed receipt (compact JWS)
 * @param claims what it attests, as signed
 */
public record SealedReceipt(ConsentReceipt receipt, String jws, Map<String, Object> claims) {

    public SealedReceipt {
        claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims)); // in the signed order; absent claims are null
    }
}
