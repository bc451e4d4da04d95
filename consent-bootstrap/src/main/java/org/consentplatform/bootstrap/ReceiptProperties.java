package org.consentplatform.bootstrap;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;

/**
 * The key that signs consent receipts.
 *
 * @param jwkFile            RSA private JWK; its public half is served at /.well-known/consent-receipt-keys.json
 * @param createKeyIfMissing create the key file on first use (the embedded default does)
 */
@Validated
@ConfigurationProperties("consent.receipts")
record ReceiptProperties(@NotNull Path jwkFile, @DefaultValue("false") boolean createKeyIfMissing) {
}
