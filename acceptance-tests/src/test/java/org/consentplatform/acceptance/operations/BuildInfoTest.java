package org.consentplatform.acceptance.operations;

import org.consentplatform.acceptance.support.HttpApi;
import org.consentplatform.acceptance.support.RunningService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /actuator/info} says which build answers: its version and the commit it was built from. */
@RunningService
class BuildInfoTest {

    @LocalServerPort
    private int port;

    @Test
    void theInfoNamesTheVersionAndTheCommitOfThisBuild() throws Exception {
        HttpApi.Response info = new HttpApi(port).get("/actuator/info", null);

        assertThat(info.status()).isEqualTo(200);
        JsonNode build = info.json().get("build");
        assertThat(build.get("artifact").asString()).isEqualTo("consent-bootstrap");
        assertThat(build.get("version").asString()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        String commit = info.json().get("git").get("commit").get("id").asString();
        assertThat(commit).matches("[0-9a-f]{7,40}");
        assertThat(head()).as("the commit checked out, which this build was made from").startsWith(commit);
    }

    private static String head() throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(git.waitFor()).as(out).isZero();
        return out;
    }
}
