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
 * Confirmation mails. The confirmation pages' own limits share the prefix ({@code ConfirmationLimits}).
 *
 * @param from        sender address of confirmation mails of profiles that name none
 * @param fromName    sender name of those mails
 * @param linkBaseUrl the public address of this service as recipients reach it; empty: this server on the port it
 *                    listens on
 * @param limits      how many confirmation links may go out
 */
@Validated
@ConfigurationProperties("consent.double-opt-in")
record DoubleOptInProperties(@DefaultValue("no-reply@consent.localhost") @NotBlank String from,
                             @DefaultValue("Consent") @NotBlank String fromName,
                             @DefaultValue("") String linkBaseUrl,
                             @Valid @DefaultValue Limits limits) {

    /**
     * Held in MongoDB, so they hold across all instances.
     *
     * @param perAddress       confirmation links to one address per tenant in a period; beyond, the capture is a 429
     * @param perAddressPeriod that period
     * @param perTenant        confirmation links of one tenant in a period
     * @param perTenantPeriod  that period
     */
    record Limits(@DefaultValue("3") @Positive long perAddress,
                  @DefaultValue("PT1H") @DurationMin(seconds = 1) Duration perAddressPeriod,
                  @DefaultValue("1000") @Positive long perTenant,
                  @DefaultValue("PT1H") @DurationMin(seconds = 1) Duration perTenantPeriod) {
    }
}
