package org.consentplatform.bootstrap;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.consentplatform.application.port.out.ChangeOutbox;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The outbox relay, which publishes every change to Kafka.
 *
 * @param pollInterval how often the relay looks for unpublished changes
 * @param batchSize    changes per batch sent to the broker
 * @param ackTimeout   a batch not acknowledged within this is retried at the next poll
 * @param leaseTtl     how long the relay lease outlives an instance that stopped renewing it
 * @param maxLag       the outbox health component turns DOWN when the oldest unpublished change is older
 * @param partitions   the shares the change log is published in, by a hash of the contact point (1 to 64): 1, one
 *                     instance publishes it all; more, the live instances deal the shares out and publish at once
 */
@Validated
@ConfigurationProperties("consent.outbox")
record OutboxProperties(@DefaultValue("PT0.2S") @DurationMin(millis = 10) Duration pollInterval,
                        @DefaultValue("1000") @Positive int batchSize,
                        @DefaultValue("PT10S") @DurationMin(millis = 100) Duration ackTimeout,
                        @DefaultValue("PT15S") @DurationMin(seconds = 1) Duration leaseTtl,
                        @DefaultValue("PT1M") @DurationMin(seconds = 1) Duration maxLag,
                        @DefaultValue("1") @Min(1) @Max(ChangeOutbox.Partition.MAX) int partitions) {
}
