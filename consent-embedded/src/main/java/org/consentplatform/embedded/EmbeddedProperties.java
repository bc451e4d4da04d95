package org.consentplatform.embedded;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The in-process servers of the embedded profile. Never for production.
 *
 * @param mongo the MongoDB-wire server
 * @param kafka the Kafka broker
 * @param mail  the SMTP server
 */
@Validated
@ConfigurationProperties("consent.embedded")
record EmbeddedProperties(@Valid @DefaultValue Mongo mongo, @Valid @DefaultValue Kafka kafka, @Valid @DefaultValue Mail mail) {

    /**
     * @param enabled false: use spring.mongodb.uri instead (the fault tests share one store among instances this way)
     * @param storage file keeps data between runs, memory keeps nothing
     * @param file    the H2 store, committed after every acknowledged write
     * @param cacheMb the file store's page cache: pages outside it are read and deserialised again on every access
     */
    record Mongo(@DefaultValue("true") boolean enabled, @DefaultValue("file") @Pattern(regexp = "file|memory") String storage,
                 @DefaultValue("./data/consent.mv") String file, @DefaultValue("256") @Min(1) int cacheMb) {
    }

    /**
     * @param enabled false: use spring.kafka.bootstrap-servers instead
     * @param port    the broker's port; 0 picks a free one
     * @param dir     the broker's log; empty for a temporary folder
     */
    record Kafka(@DefaultValue("true") boolean enabled, @DefaultValue("9092") @Min(0) @Max(65535) int port,
                 @DefaultValue("") String dir) {
    }

    /**
     * @param enabled false: use spring.mail.* instead
     * @param port    the SMTP server's port (GreenMail); 0 picks a free one. What it received is listed at /dev/mailbox
     */
    record Mail(@DefaultValue("true") boolean enabled, @DefaultValue("3025") @Min(0) @Max(65535) int port) {
    }
}
