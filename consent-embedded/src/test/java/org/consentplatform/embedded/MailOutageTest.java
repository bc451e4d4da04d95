package org.consentplatform.embedded;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The SMTP relay going away degrades the service but does not take it down: health stays 200, the probes stay UP. */
class MailOutageTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ConfigurableApplicationContext service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aRelayThatIsDownMakesTheServiceDegradedNotDown() throws Exception {
        service = InMemoryService.start();
        assertThat(mailStatus()).isEqualTo("UP");

        service.getBean(GreenMail.class).stop();

        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).get("status").asString()).isEqualTo("DEGRADED");
        assertThat(mailStatus()).isEqualTo("DEGRADED");
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private String mailStatus() throws Exception {
        JsonNode health = JSON.readTree(get("/actuator/health").body());
        return health.get("components").get("mail").get("status").asString();
    }

    private HttpResponse<String> get(String path) throws Exception {
        String port = service.getEnvironment().getProperty("local.server.port");
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
