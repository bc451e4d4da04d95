package org.consentplatform.embedded;

import org.consentplatform.bootstrap.ConsentApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document the service serves must be the one kept in the repository
 * (docs/openapi.json). After an intended API change, refresh it with
 * {@code ./mvnw -pl consent-embedded -am verify -Dopenapi.update=true}.
 */
@SpringBootTest(classes = ConsentApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"consent.embedded.mongo.storage=memory", "consent.embedded.kafka.port=0", "consent.embedded.kafka.dir=",
        "consent.embedded.mail.port=0"})
class OpenApiDocumentTest {

    private static final Path COMMITTED = Path.of("..", "docs", "openapi.json");
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @LocalServerPort
    private int port;

    @Test
    void theServedDocumentIsTheCommittedOne() throws Exception {
        String served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        JsonNode servedTree = JSON.readTree(served);
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(COMMITTED, JSON.writeValueAsString(servedTree) + "\n");
        }

        assertThat(servedTree.get("openapi").asString()).startsWith("3.1");
        assertThat(Files.exists(COMMITTED)).as(COMMITTED.toAbsolutePath() + " exists").isTrue();
        assertThat(servedTree)
                .as("the served OpenAPI document differs from docs/openapi.json: refresh it with -Dopenapi.update=true if the change is intended")
                .isEqualTo(JSON.readTree(Files.readString(COMMITTED)));
    }
}
