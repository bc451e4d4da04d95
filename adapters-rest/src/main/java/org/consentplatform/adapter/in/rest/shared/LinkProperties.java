package org.consentplatform.adapter.in.rest.shared;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The links a message carries to its recipient's pages.
 *
 * @param jwkFile            JWK set of 256-bit octet keys that seal recipient links: the first seals, all open
 * @param createKeyIfMissing create the key set with one key on first start (the embedded default does)
 * @param lifetime           how long links work when the caller does not say, PT1H to P366D
 * @param baseUrl            the public address recipients reach the pages at; empty: the request's own address
 */
@Validated
@ConfigurationProperties("consent.links")
public record LinkProperties(@NotNull Path jwkFile, @DefaultValue("false") boolean createKeyIfMissing,
                             @DefaultValue("P90D") @DurationMin(hours = 1) @DurationMax(days = 366) Duration lifetime,
                             @DefaultValue("") String baseUrl) {
}
