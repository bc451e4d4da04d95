package org.consentplatform.bootstrap;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;

/**
 * The master key that wraps every tenant's pseudonym and key-encryption keys (ADR 37).
 *
 * @param masterKeysetFile a Tink AEAD keyset in JSON: in production a mounted secret, backed up apart from the database
 * @param createIfMissing  make the keyset on first run (the embedded default does)
 */
@Validated
@ConfigurationProperties("consent.keys")
record KeyProperties(@NotNull Path masterKeysetFile, @DefaultValue("false") boolean createIfMissing) {
}
