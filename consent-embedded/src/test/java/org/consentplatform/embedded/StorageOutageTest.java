package org.consentplatform.embedded;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.consentplatform.bootstrap.ConsentApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MongoDB goes away under a running service and comes back: meanwhile every call is a 503
 * problem with Retry-After (never a 500), then the service answers again without a restart.
 */
class StorageOutageTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String CONTACT = "{\"entityType\":\"CONTACT\",\"contactPoints\":[{\"channel\":\"EMAIL\",\"address\":\"ada@example.com\"}]}";

    private MongoServer mongo;
    private ConfigurableApplicationContext service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        mongo.shutdownNow();
    }

    @Test
    void callsDuringAnOutageAre503AndTheServiceRecoversByItself() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", port);
        service = new SpringApplicationBuilder(ConsentApplication.class).run("--server.port=0",
                "--consent.embedded.mongo.enabled=false", "--consent.embedded.kafka.port=0", "--consent.embedded.kafka.dir=",
                "--consent.embedded.mail.port=0",
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + port + "/consent");
        String token = token();
        String contact = "/contacts/" + UUID.randomUUID();
        assertThat(call("PUT", contact, token, CONTACT, null).statusCode()).isEqualTo(200);

        assertThat(storageHealth()).isEqualTo("UP");

        mongo.shutdownNow();
        assertThat(storageHealth()).isEqualTo("DOWN");
        long outageStarted = System.nanoTime();
        HttpResponse<String> read = call("GET", contact, token, null, null);
        // consent.storage.server-selection-timeout (2 s) answers it, not the driver's 30 s
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - outageStarted)).isLessThan(java.time.Duration.ofSeconds(10));
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/confirm/" + "x".repeat(43))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).hasValue("5");
        HttpResponse<String> write = call("PUT", "/contacts/" + UUID.randomUUID(), token, CONTACT, null);
        HttpResponse<String> idempotentWrite = call("PUT", "/contacts/" + UUID.randomUUID(), token, CONTACT, "outage-1");

        for (HttpResponse<String> response : new HttpResponse[] {read, write, idempotentWrite}) {
            assertThat(response.statusCode()).as(response.request().method() + " " + response.body()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(JsonMapper.builder().build().readTree(response.body()).get("status").asInt()).isEqualTo(503);
        }

        // shutting the wire server down closed its backend: the store comes back empty, like a new primary
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", port);
        String later = "/contacts/" + UUID.randomUUID();
        assertThat(call("PUT", later, token, CONTACT, null).statusCode()).isEqualTo(200);
        HttpResponse<String> afterwards = call("GET", later, token, null, null);
        assertThat(afterwards.statusCode()).as(afterwards.body()).isEqualTo(200);
        assertThat(afterwards.body()).contains("ada@example.com");
        assertThat(storageHealth()).isEqualTo("UP");
    }

    private String storageHealth() throws Exception {
        String health = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        var components = JsonMapper.builder().build().readTree(health).get("components");
        assertThat(components).as(health).isNotNull();
        return components.get("mongo").get("status").asString();
    }

    private String token() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo-marketing:demo-marketing-secret".getBytes()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=consent:read+consent:write")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JsonMapper.builder().build().readTree(response.body()).get("access_token").asString();
    }

    private HttpResponse<String> call(String method, String path, String token, String body, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/api/v1/tenants/acme" + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://localhost:" + ((WebServerApplicationContext) service).getWebServer().getPort();
    }
}
