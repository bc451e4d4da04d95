package org.consentplatform.domain.shared;

import java.util.regex.Pattern;

/** The identifier of a profile, purpose, topic or channel: 1–64 characters of {@code [A-Za-z0-9_.-]}. */
public record TechnicalId(String value) implements Comparable<TechnicalId> {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public TechnicalId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw InvalidInputs.technicalId("id", value);
        }
    }

    /** Parses a user-supplied identifier, naming the field in the rejection. */
    public static TechnicalId parse(String field, String raw) {
        if (raw == null || !SHAPE.matcher(raw).matches()) {
            throw InvalidInputs.technicalId(field, raw);
        }
        return new TechnicalId(raw);
    }

    public static boolean isValid(String raw) {
        return raw != null && SHAPE.matcher(raw).matches();
    }

    @Override
    public int compareTo(TechnicalId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
