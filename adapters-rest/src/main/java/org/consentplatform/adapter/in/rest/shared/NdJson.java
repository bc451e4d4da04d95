package org.consentplatform.adapter.in.rest.shared;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * Newline-delimited JSON, read line by line through its own buffer with a bound on each line,
 * so no line can exhaust memory and no per-character lock is taken.
 */
public final class NdJson {

    public static final String MEDIA_TYPE = "application/x-ndjson";
    public static final int MAX_LINE = 16 * 1024;

    private final Reader reader;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int limit;
    private long lineNumber;
    private boolean ended;

    /** @param reader an unbuffered reader is fine: this class buffers */
    public NdJson(Reader reader) {
        this.reader = reader;
    }

    /**
     * Streams an answer as NDJSON: {@code lines} is handed a sink that writes each object it gets
     * as one line, through a buffer, flushed once all are written.
     */
    public static void write(HttpServletResponse response, JsonMapper json, Consumer<Consumer<Object>> lines) throws IOException {
        response.setContentType(MEDIA_TYPE);
        OutputStream out = new BufferedOutputStream(response.getOutputStream(), 64 * 1024);
        lines.accept(line -> {
            try {
                out.write(json.writeValueAsBytes(line));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }

    /** A line as read: its number and text, or {@code tooLong} when it passed the bound (its text is then dropped). */
    public record Line(long number, String text, boolean tooLong) {
    }

    /** The next non-blank line, or null at the end of the stream. */
    public Line next() throws IOException {
        var text = new StringBuilder(256);
        while (true) {
            text.setLength(0);
            boolean tooLong = false;
            boolean complete = false;
            while (!complete) {
                if (position == limit && !fill()) {
                    if (text.isEmpty() && !tooLong) {
                        return null;
                    }
                    break;
                }
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                int length = position - start;
                if (!tooLong && text.length() + length <= MAX_LINE) {
                    text.append(buffer, start, length);
                } else {
                    tooLong = true;
                    text.setLength(0);
                }
                if (position < limit) {
                    position++; // the newline
                    complete = true;
                }
            }
            lineNumber++;
            if (tooLong) {
                return new Line(lineNumber, null, true);
            }
            if (!text.toString().isBlank()) {
                return new Line(lineNumber, text.toString(), false);
            }
        }
    }

    private boolean fill() throws IOException {
        if (ended) {
            return false;
        }
        int read = reader.read(buffer, 0, buffer.length);
        if (read < 0) {
            ended = true;
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }
}
