package org.consentplatform.adapter.in.rest.shared;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the HTTP edge.
 *
 * @param maxBodyBytes cap on JSON request bodies in bytes (NDJSON streams are bounded per line instead)
 */
@Validated
@ConfigurationProperties("consent.api")
public record ApiProperties(@DefaultValue("2097152") @Positive long maxBodyBytes) {
}
