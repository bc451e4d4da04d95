package org.consentplatform.acceptance;

import org.consentplatform.acceptance.support.HttpApi;
import org.consentplatform.acceptance.support.RunningService;
import org.consentplatform.acceptance.support.World;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A decision stream far larger than any single buffer: generated while it is sent, read while
 * it is answered, so neither side ever holds it whole.
 */
@RunningService
class LargeStreamTest {

    private static final int LINES = 100_000;

    @LocalServerPort
    private int port;

    @Test
    void everyLineOfALongStreamIsAnsweredInOrder() throws Exception {
        var world = new World(port);
        String profile = World.unique("stream");
        World.ok(world.createProfile(profile, null));
        world.capture(profile, "EMAIL", "opted-out@example.com", "commercial", null, "OPTED_OUT", Instant.now());

        // a full-duplex client, as a streaming integration must be: it reads answers while it still sends lines
        try (var socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            var sender = Thread.ofVirtual().start(() -> send(out, world.marketing(), profile));
            long expectedLine = 1;
            int blocked = 0;
            var answers = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertThat(answers.readLine()).isEqualTo("HTTP/1.1 200 ");
            String header;
            while (!(header = answers.readLine()).isEmpty()) {
                assertThat(header).doesNotStartWith("Content-Length");
            }
            String chunkSize;
            var body = new StringBuilder();
            while (!(chunkSize = answers.readLine()).equals("0")) {
                char[] chunk = new char[Integer.parseInt(chunkSize, 16)];
                int read = 0;
                while (read < chunk.length) {
                    read += answers.read(chunk, read, chunk.length - read);
                }
                answers.readLine();
                body.append(chunk);
                int newline;
                while ((newline = body.indexOf("\n")) >= 0) {
                    var json = HttpApi.JSON.readTree(body.substring(0, newline));
                    body.delete(0, newline + 1);
                    assertThat(json.get("line").asLong()).isEqualTo(expectedLine++);
                    if (!json.get("send").asBoolean()) {
                        blocked++;
                    }
                }
            }
            sender.join();
            assertThat(expectedLine - 1).isEqualTo(LINES);
            assertThat(blocked).as("every 1000th line is the opted-out address").isEqualTo(LINES / 1000);
        }
    }

    private void send(OutputStream socket, String token, String profile) {
        try {
            var out = new BufferedOutputStream(socket, 64 * 1024);
            out.write(("POST " + World.BASE + "/decisions/batch HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            try (var lines = new GeneratedLines(profile)) {
                byte[] buffer = new byte[8192];
                int n;
                while ((n = lines.read(buffer, 0, buffer.length)) > 0) {
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(buffer, 0, n);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** NDJSON decision requests made on the fly. */
    private static final class GeneratedLines extends InputStream {
        private final String profile;
        private int line;
        private byte[] current = new byte[0];
        private int position;

        GeneratedLines(String profile) {
            this.profile = profile;
        }

        @Override
        public int read() {
            if (position == current.length) {
                if (line == LINES) {
                    return -1;
                }
                line++;
                String address = line % 1000 == 0 ? "opted-out@example.com" : "person" + line + "@example.com";
                current = ("{\"profileId\":\"" + profile + "\",\"purposeId\":\"commercial\",\"channel\":\"EMAIL\",\"address\":\""
                        + address + "\"}\n").getBytes(StandardCharsets.UTF_8);
                position = 0;
            }
            return current[position++];
        }
    }
}
