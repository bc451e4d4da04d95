package org.consentplatform.bootstrap;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Loads of legacy consent files.
 *
 * @param maxBytes     largest file a load takes
 * @param maxRowChars  a longer row is rejected by line
 * @param batchSize    rows per batch, and per stored position
 * @param pollInterval how often unfinished jobs are looked for
 * @param leaseTtl     how long a dead instance's job waits before another takes it over
 */
@Validated
@ConfigurationProperties("consent.imports")
record ImportProperties(@DefaultValue("2147483648") @Positive long maxBytes,
                        @DefaultValue("65536") @Positive int maxRowChars,
                        @DefaultValue("500") @Positive int batchSize,
                        @DefaultValue("PT1S") @DurationMin(millis = 10) Duration pollInterval,
                        @DefaultValue("PT30S") @DurationMin(seconds = 1) Duration leaseTtl) {
}
