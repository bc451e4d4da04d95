package org.consentplatform.adapter.in.rest;

import java.io.IOException;
import java.io.Reader;

/** Newline-delimited JSON, read line by line with a bound on each line so no line can exhaust memory. */
final class NdJson {

    static final String MEDIA_TYPE = "application/x-ndjson";
    static final int MAX_LINE = 16 * 1024;

    private final Reader reader;
    private long lineNumber;
    private boolean ended;

    NdJson(Reader reader) {
        this.reader = reader;
    }

    /** A line as read: its number and text, or {@code tooLong} when it passed the bound (its text is then dropped). */
    record Line(long number, String text, boolean tooLong) {
    }

    /** The next non-blank line, or null at the end of the stream. */
    Line next() throws IOException {
        while (!ended) {
            var text = new StringBuilder();
            boolean tooLong = false;
            int c;
            while ((c = reader.read()) != -1 && c != '\n') {
                if (text.length() < MAX_LINE) {
                    text.append((char) c);
                } else {
                    tooLong = true;
                }
            }
            if (c == -1) {
                ended = true;
            }
            lineNumber++;
            if (tooLong || !text.toString().isBlank()) {
                return new Line(lineNumber, tooLong ? null : text.toString(), tooLong);
            }
        }
        return null;
    }
}
