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
 * What every instance needs to know about itself.
 *
 * @param instanceId            how this instance names itself in leases; empty: host name and a random suffix
 * @param configurationCacheTtl how long tenant settings and profiles are cached per instance: a change reaches every
 *                              instance within this
 * @param storage               how long a call waits for MongoDB
 */
@Validated
@ConfigurationProperties("consent")
record PlatformProperties(@DefaultValue("") String instanceId,
                          @DefaultValue("PT2S") @NotNull Duration configurationCacheTtl,
                          @Valid @DefaultValue Storage storage) {

    /**
     * @param serverSelectionTimeout how long a call waits for a reachable MongoDB server before it is answered 503; it
     *                               replaces the driver's 30 s and a serverSelectionTimeoutMS in the connection string
     */
    record Storage(@DefaultValue("PT2S") @DurationMin(millis = 100) Duration serverSelectionTimeout) {
    }
}
