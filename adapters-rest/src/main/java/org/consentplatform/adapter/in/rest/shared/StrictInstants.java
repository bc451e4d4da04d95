package org.consentplatform.adapter.in.rest.shared;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Instants as the API documents them and nothing else: an ISO 8601 string (UTC or with an
 * offset) of a year from 0000 to 9999. Numbers, padded strings and far-away years, which
 * Jackson would read or the store could not hold, are refused.
 */
final class StrictInstants extends ValueDeserializer<Instant> {

    static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    private static final String EXPECTED = "must be an ISO 8601 instant of a year from 0000 to 9999, such as 2026-11-01T00:00:00Z";

    static SimpleModule module() {
        return new SimpleModule("strict-instants").addDeserializer(Instant.class, new StrictInstants());
    }

    /** The instant a caller wrote, or null when it is not one the API takes. */
    static Instant parse(String text) {
        if (text == null || text.isEmpty() || text.strip().length() != text.length()) {
            return null;
        }
        try {
            Instant instant = DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
            return instant.isBefore(EARLIEST) || instant.isAfter(LATEST) ? null : instant;
        } catch (DateTimeException e) {
            return null;
        }
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) {
        Instant instant = parser.currentToken() == JsonToken.VALUE_STRING ? parse(parser.getString()) : null;
        return instant != null ? instant : context.reportInputMismatch(Instant.class, EXPECTED);
    }
}
