package org.consentplatform.embedded;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.consentplatform.bootstrap.ConsentApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker comes up after the service, and creates no topics by itself: the service starts
 * anyway, creates its topics with the configured partitions when the broker appears, and the
 * outbox publishes what was captured meanwhile, without a restart.
 */
class LateBrokerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ConfigurableApplicationContext service;
    private InProcessKafkaBroker kafka;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        if (kafka != null) {
            kafka.stop();
        }
    }

    @Test
    void topicsAreCreatedAndChangesPublishedWhenTheBrokerAppears() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        service = new SpringApplicationBuilder(ConsentApplication.class).run("--server.port=0",
                "--consent.embedded.mongo.storage=memory", "--consent.embedded.kafka.enabled=false",
                "--spring.kafka.bootstrap-servers=localhost:" + port, "--consent.embedded.mail.port=0");
        String address = "late-" + UUID.randomUUID() + "@example.com";
        assertThat(call("POST", "/profiles", token("demo-admin", "consent:admin"), "{\"id\":\"late\",\"name\":\"Late\"}")
                .statusCode()).isIn(201, 409);
        HttpResponse<String> captured = call("POST", "/consents", token("demo-marketing", "consent:write"),
                "{\"profileId\":\"late\",\"channel\":\"EMAIL\",\"address\":\"" + address + "\",\"purposeId\":\"commercial\","
                        + "\"state\":\"OPTED_IN\",\"capturedAt\":\"2026-11-01T00:00:00Z\"}");
        assertThat(captured.statusCode()).as(captured.body()).isEqualTo(201);

        kafka = new InProcessKafkaBroker(port, Files.createTempDirectory("late-broker"), false);
        kafka.start();

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicDescription changes = eventually(() -> {
                try {
                    return admin.describeTopics(List.of("consent.changes.v1")).allTopicNames().get().get("consent.changes.v1");
                } catch (Exception notYet) {
                    return null;
                }
            });
            assertThat(changes.partitions()).hasSize(6);
        }
        try (var consumer = new KafkaConsumer<String, String>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "late-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("consent.changes.v1"));
            var seen = new ArrayList<String>();
            String key = eventually(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    seen.add(record.key());
                }
                return seen.stream().filter(k -> k.endsWith(address)).findFirst().orElse(null);
            });
            assertThat(key).isEqualTo("acme|EMAIL|" + address);
        }
    }

    /** Until the value is there: the topic job retries every 10 s, the relay every 200 ms. */
    private static <T> T eventually(Supplier<T> value) {
        return Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(value::get, Objects::nonNull);
    }

    private String token(String client, String scope) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((client + ":" + client + "-secret").getBytes()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + scope)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JsonMapper.builder().build().readTree(response.body()).get("access_token").asString();
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/tenants/acme" + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
    }
}
