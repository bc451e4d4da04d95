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
 * Writing down opt-ins past their purpose's lifetime (decisions count them as absent before that anyway).
 *
 * @param interval  how often due opt-ins get their EXPIRY change
 * @param leaseTtl  the lease that keeps it to one instance at a time
 * @param batchSize records per batch
 */
@Validated
@ConfigurationProperties("consent.expiry")
record ExpiryProperties(@DefaultValue("PT1H") @DurationMin(millis = 10) Duration interval,
                        @DefaultValue("PT5M") @DurationMin(seconds = 1) Duration leaseTtl,
                        @DefaultValue("500") @Positive int batchSize) {
}
