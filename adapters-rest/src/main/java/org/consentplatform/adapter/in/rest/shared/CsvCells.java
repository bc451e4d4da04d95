package org.consentplatform.adapter.in.rest.shared;

import java.util.regex.Pattern;

/** CSV cells for files people open in a spreadsheet. */
public final class CsvCells {

    /** Cells a spreadsheet would run as a formula (and the control characters that hide one). */
    private static final Pattern FORMULA = Pattern.compile("^[=+\\-@\\t\\r].*", Pattern.DOTALL);

    private CsvCells() {
    }

    /** RFC 4180 quoting, after defusing what a spreadsheet would evaluate (OWASP CSV injection). */
    public static String of(String value) {
        String text = value == null ? "" : value;
        if (FORMULA.matcher(text).matches()) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
