package org.consentplatform.bootstrap;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Erasures an instance left unfinished, or whose events a broker that was away did not take
 * (ADR 39).
 *
 * @param completionInterval how often they are looked for
 * @param takeoverAfter      how old an unfinished or unannounced erasure must be before another run takes it over
 */
@Validated
@ConfigurationProperties("consent.erasure")
record ErasureProperties(@DefaultValue("PT1M") @DurationMin(millis = 100) Duration completionInterval,
                         @DefaultValue("PT1M") @DurationMin(millis = 100) Duration takeoverAfter) {
}
