package org.consentplatform.domain.shared;

/** Factory of the common input rejections, so the wording stays the same everywhere. */
public final class InvalidInputs {

    private InvalidInputs() {
    }

    public static DomainRejection.InvalidInput required(String field) {
        return DomainRejection.InvalidInput.of(field, "is required");
    }

    static DomainRejection.InvalidInput technicalId(String field, String raw) {
        return DomainRejection.InvalidInput.of(field, raw == null
                ? "is required"
                : "must be 1-64 characters of letters, digits, '_', '.' or '-'");
    }

    public static <T> T requireNonNull(String field, T value) {
        if (value == null) {
            throw required(field);
        }
        return value;
    }

    /** Free text: optional, bounded, without control characters. */
    public static String optionalText(String field, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            throw DomainRejection.InvalidInput.of(field, "must be at most " + maxLength + " characters");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw DomainRejection.InvalidInput.of(field, "must not contain control characters");
        }
        return value;
    }

    public static String requiredText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw required(field);
        }
        return optionalText(field, value, maxLength);
    }
}
