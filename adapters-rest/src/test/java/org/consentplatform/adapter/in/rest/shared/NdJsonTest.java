package org.consentplatform.adapter.in.rest.shared;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NdJsonTest {

    @Test
    void linesAreNumberedBlankOnesSkippedAndTheLastNeedsNoNewline() throws IOException {
        assertThat(read("{\"a\":1}\n\n  \n{\"b\":2}\r\n{\"c\":3}")).containsExactly(
                new NdJson.Line(1, "{\"a\":1}", false), new NdJson.Line(4, "{\"b\":2}\r", false), new NdJson.Line(5, "{\"c\":3}", false));
    }

    @Test
    void anOverlongLineIsReportedWithoutItsTextAndReadingGoesOn() throws IOException {
        String longLine = "x".repeat(NdJson.MAX_LINE + 1);

        assertThat(read("{}\n" + longLine + "\n{\"after\":true}\n" + "y".repeat(NdJson.MAX_LINE))).containsExactly(
                new NdJson.Line(1, "{}", false), new NdJson.Line(2, null, true),
                new NdJson.Line(3, "{\"after\":true}", false), new NdJson.Line(4, "y".repeat(NdJson.MAX_LINE), false));
    }

    @Test
    void linesLongerThanTheBufferAreJoined() throws IOException {
        String line = "z".repeat(NdJson.MAX_LINE);
        String stream = (line + "\n").repeat(10);

        assertThat(read(stream)).hasSize(10).allSatisfy(l -> assertThat(l.text()).isEqualTo(line));
    }

    @Test
    void anEmptyStreamHasNoLine() throws IOException {
        assertThat(read("")).isEmpty();
        assertThat(read("\n\n")).isEmpty();
    }

    private static List<NdJson.Line> read(String text) throws IOException {
        var ndjson = new NdJson(new StringReader(text));
        var lines = new ArrayList<NdJson.Line>();
        NdJson.Line line;
        while ((line = ndjson.next()) != null) {
            lines.add(line);
        }
        return lines;
    }
}
