package org.consentplatform.adapter.in.console.pages;

import org.consentplatform.domain.shared.InputCheck;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** What the console's forms send, read into values: an empty field is "none", anything else must parse or is refused. */
final class FormValues {

    private FormValues() {
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** One of an enum's constants by name, as the form's select offers them; null when empty. */
    static <E extends Enum<E>> E named(InputCheck input, String field, Class<E> type, String raw) {
        if (blank(raw)) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(raw)) {
                return constant;
            }
        }
        input.refuse(field, "is not one of the values offered");
        return null;
    }

    /** A browser's date-and-time field, read as UTC (the history's time, as the pages say); null when empty. */
    static Instant utc(InputCheck input, String field, String raw) {
        if (blank(raw)) {
            return null;
        }
        try {
            return LocalDateTime.parse(raw).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            input.refuse(field, "must be a date and time such as 2026-12-01T09:30");
            return null;
        }
    }
}
