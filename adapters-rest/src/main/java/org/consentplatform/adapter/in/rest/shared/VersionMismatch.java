package org.consentplatform.adapter.in.rest.shared;

/** An If-Match that is missing or names another version than the stored one. */
public final class VersionMismatch extends RuntimeException {

    final boolean required;

    private VersionMismatch(String message, boolean required) {
        super(message, null, false, false);
        this.required = required;
    }

    static VersionMismatch missing() {
        return new VersionMismatch("If-Match is required", true);
    }

    public static VersionMismatch stale(String detail) {
        return new VersionMismatch(detail, false);
    }

    /** Parses {@code "3"} or {@code W/"3"} into version 3. */
    public static long versionOf(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw missing();
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() < 3 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
            throw stale("If-Match must be an ETag this service handed out");
        }
        try {
            return Long.parseLong(tag.substring(1, tag.length() - 1));
        } catch (NumberFormatException e) {
            throw stale("If-Match must be an ETag this service handed out");
        }
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
