package org.consentplatform.domain.load;

import java.util.Map;

/**
 * One row of an import file as read, before any rule: its cells by column name.
 *
 * @param line     where the row starts in the file (1 is the first line, the header of a CSV)
 * @param problem  why the row could not even be read (bad encoding, too long, cut short), or null
 */
public record ImportRow(long line, Map<String, String> cells, String problem) {

    public static ImportRow unreadable(long line, String problem) {
        return new ImportRow(line, Map.of(), problem);
    }

    /** A cell's text, trimmed; null when absent or blank. */
    public String cell(String column) {
        String value = cells.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
