package org.consentplatform.adapter.in.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the inbound listener consumes (its topic is in {@code EventTopics}).
 *
 * @param inboundGroup consumer group of the inbound listener: instances of one deployment share it
 */
@ConfigurationProperties("consent.kafka")
public record InboundConsumer(@DefaultValue("consent-platform-inbound") String inboundGroup) {

    public InboundConsumer {
        if (inboundGroup == null || inboundGroup.isBlank()) {
            throw new IllegalArgumentException("consent.kafka.inbound-group must name a consumer group");
        }
    }
}
