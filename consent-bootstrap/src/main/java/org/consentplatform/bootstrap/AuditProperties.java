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
 * Upkeep of the audit trail.
 *
 * @param checkpoints      tenant checkpoints: how often they are taken (only for tenants whose chains moved)
 * @param projectionRepair how often projections a crash left behind the change log are repaired
 */
@Validated
@ConfigurationProperties("consent")
record AuditProperties(@Valid @DefaultValue Checkpoints checkpoints, @Valid @DefaultValue ProjectionRepair projectionRepair) {

    /** @param interval how often tenant checkpoints are taken */
    record Checkpoints(@DefaultValue("PT5M") @DurationMin(seconds = 1) Duration interval) {
    }

    /** @param interval how often projections left behind by a crash are repaired */
    record ProjectionRepair(@DefaultValue("PT30S") @DurationMin(seconds = 1) Duration interval) {
    }
}
