package org.consentplatform.adapter.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/**
 * Where the JSON Schemas of the events' data are served (docs/events/schemas, served by the
 * service at {@code /events/schemas/}): each event's {@code dataschema} attribute is this base
 * and the event type without its {@code org.consentplatform.} prefix, e.g.
 * {@code …/events/schemas/consent.changed.v1.json}.
 *
 * @param baseUrl absolute, ending in {@code /}: the service's public URL followed by {@code /events/schemas/}
 */
@ConfigurationProperties("consent.kafka.schemas")
public record EventSchemas(@DefaultValue("http://localhost:8080/events/schemas/") URI baseUrl) {

    private static final String TYPE_PREFIX = "org.consentplatform.";

    public EventSchemas {
        if (!baseUrl.isAbsolute() || !baseUrl.getPath().endsWith("/")) {
            throw new IllegalArgumentException("consent.kafka.schemas.base-url must be an absolute URL ending in /, not " + baseUrl);
        }
    }

    /** The schema of the data of events of that type. */
    public URI of(String type) {
        if (!type.startsWith(TYPE_PREFIX)) {
            throw new IllegalArgumentException("not a platform event type: " + type);
        }
        return baseUrl.resolve(type.substring(TYPE_PREFIX.length()) + ".json");
    }
}
