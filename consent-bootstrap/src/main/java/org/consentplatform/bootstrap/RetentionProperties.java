package org.consentplatform.bootstrap;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How long what names people but is no record is kept (ADR 40). A tenant's history retention is
 * a tenant setting ({@code historyRetention}); idempotency keys are kept a day.
 *
 * @param interval             how often the purge runs
 * @param importFiles          uploaded load files and the lines of load error reports
 * @param confirmationRequests double opt-in requests once confirmed or expired
 */
@Validated
@ConfigurationProperties("consent.retention")
record RetentionProperties(@DefaultValue("PT1H") @DurationMin(seconds = 1) Duration interval,
                           @DefaultValue("30d") @DurationMin(hours = 1) Duration importFiles,
                           @DefaultValue("30d") @DurationMin(hours = 1) Duration confirmationRequests) {
}
