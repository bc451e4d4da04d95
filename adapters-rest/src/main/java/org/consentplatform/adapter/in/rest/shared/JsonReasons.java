package org.consentplatform.adapter.in.rest.shared;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Why a JSON body or line could not be read, in the API's words: the field's expected JSON
 * type, never a Java type or a parser's internals.
 */
public final class JsonReasons {

    private static final Pattern JAVA_NAMES = Pattern.compile("`[^`]*`|\\b(java|javax|jakarta|tools|org|com)\\.[\\w.$]+");

    private JsonReasons() {
    }

    public static String of(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + expected(mismatch.getTargetType());
        }
        if (e instanceof StreamReadException) {
            return "is not valid JSON: " + withoutJavaNames(firstLine(e.getOriginalMessage()));
        }
        return "is not valid";
    }

    /** Where in the body it failed, as {@code purposes[0].topics}; "body" for the body as a whole. */
    public static String field(JacksonException e) {
        var path = new StringBuilder();
        if (e instanceof DatabindException databind) {
            for (var reference : databind.getPath()) {
                if (reference.getPropertyName() != null) {
                    if (!path.isEmpty()) {
                        path.append('.');
                    }
                    path.append(reference.getPropertyName());
                } else if (reference.getIndex() >= 0) {
                    path.append('[').append(reference.getIndex()).append(']');
                }
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == String.class || type == Character.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == Instant.class) {
            return "an ISO 8601 instant of a year from 0000 to 9999, such as 2026-11-01T00:00:00Z";
        }
        if (type == LocalDate.class) {
            return "an ISO 8601 date, such as 2026-11-01";
        }
        if (type == Duration.class || type == Period.class) {
            return "an ISO 8601 duration, such as P90D";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return Map.class.isAssignableFrom(type) || type.isRecord() ? "an object" : "a value of the documented type";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String withoutJavaNames(String text) {
        return JAVA_NAMES.matcher(text).replaceAll("a value");
    }
}
