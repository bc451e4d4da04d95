package org.consentplatform.embedded;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One property turns the console into ECS JSON lines, and a request's lines name its correlation
 * id, its tenant and its trace, never the address in its body nor the token in its header.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ConfigurableApplicationContext service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void eachLineIsOneEcsObjectAndARequestsLinesNameItsCorrelationTenantAndTrace(CapturedOutput output) throws Exception {
        service = InMemoryService.start("--logging.structured.format.console=ecs", "--spring.main.banner-mode=off",
                // the dispatcher's own lines, so that the request logs something whatever it does
                "--logging.level.org.springframework.web.servlet.DispatcherServlet=debug");
        String correlationId = UUID.randomUUID().toString();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String token = token();
        String address = "structured-" + UUID.randomUUID() + "@example.com";

        HttpResponse<String> decided = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/tenants/acme/decisions"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("X-Correlation-Id", correlationId).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .POST(HttpRequest.BodyPublishers.ofString("{\"profileId\":\"none\",\"purposeId\":\"commercial\",\"channel\":\"EMAIL\","
                        + "\"address\":\"" + address + "\"}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(404);
        List<String> lines = output.getOut().lines().toList();
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(JSON.readTree(line).isObject()).as(line).isTrue());
        List<JsonNode> ofTheRequest = lines.stream().map(JSON::readTree)
                .filter(line -> correlationId.equals(line.path("correlationId").asString(null))).toList();
        assertThat(ofTheRequest).as("the request's lines").isNotEmpty().allSatisfy(line -> {
            assertThat(line.path("ecs").path("version").asString()).isNotBlank();
            assertThat(line.path("@timestamp").asString()).isNotBlank();
            assertThat(line.path("log").path("level").asString()).isNotBlank();
            assertThat(line.path("tenant").asString()).isEqualTo("acme");
            assertThat(line.path("trace.id").asString()).as("ECS trace.id").isEqualTo(traceId);
            assertThat(line.path("span.id").asString()).as("ECS span.id").hasSize(16);
        });
        assertThat(output.getAll()).doesNotContain(address, token);
    }

    private String token() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo-marketing:demo-marketing-secret"
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=consent:decide")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private URI uri(String path) {
        return URI.create(InMemoryService.baseUrl(service) + path);
    }
}
