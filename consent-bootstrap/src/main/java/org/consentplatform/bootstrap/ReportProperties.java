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
 * The report counters, brought up to the change log in the background.
 *
 * @param interval  how often the counters take in new changes: reports lag the log by about that much
 * @param leaseTtl  the lease that keeps it to one instance at a time
 * @param batchSize changes per batch
 */
@Validated
@ConfigurationProperties("consent.reports")
record ReportProperties(@DefaultValue("PT5S") @DurationMin(millis = 10) Duration interval,
                        @DefaultValue("PT2M") @DurationMin(seconds = 1) Duration leaseTtl,
                        @DefaultValue("5000") @Positive int batchSize) {
}
