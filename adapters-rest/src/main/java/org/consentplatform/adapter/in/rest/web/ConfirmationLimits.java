package org.consentplatform.adapter.in.rest.web;

import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * What one client address may try on the confirmation pages, per instance. The mail limits
 * under the same prefix are the wiring's ({@code DoubleOptInProperties}).
 *
 * @param wrongLinksPerClient confirmation links leading nowhere (and requests for new links) one client address may make
 *                            in a period before it gets 429
 * @param wrongLinksPeriod    that period
 */
@Validated
@ConfigurationProperties("consent.double-opt-in.limits")
public record ConfirmationLimits(@DefaultValue("20") @Positive long wrongLinksPerClient,
                                 @DefaultValue("PT10M") @DurationMin(seconds = 1) Duration wrongLinksPeriod) {
}
