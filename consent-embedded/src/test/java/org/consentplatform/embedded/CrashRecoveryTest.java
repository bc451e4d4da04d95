package org.consentplatform.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.consentplatform.bootstrap.ConsentApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service dies after inserting a change into the log and before updating the projection
 * (the state that crash leaves on disk is written directly). After a restart on the same
 * storage the change is visible to reads and decisions.
 */
class CrashRecoveryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path storage;

    @Test
    void aChangeCommittedToTheLogButNotProjectedIsVisibleAfterRestart() throws Exception {
        String decision = "{\"profileId\":\"crash\",\"purposeId\":\"commercial\",\"channel\":\"EMAIL\",\"address\":\"ann@example.com\"}";
        try (ConfigurableApplicationContext first = start()) {
            String token = token(first);
            call(first, token, "POST", "/profiles", "{\"id\":\"crash\",\"name\":\"Crash\"}");
            call(first, token, "POST", "/consents", "{\"profileId\":\"crash\",\"channel\":\"EMAIL\",\"address\":\"ann@example.com\","
                    + "\"purposeId\":\"commercial\",\"state\":\"OPTED_IN\",\"capturedAt\":\"2026-11-01T00:00:00Z\"}");

            crashAfterChangeLogInsert(first.getBean(MongoClient.class).getDatabase("consent").getCollection("consent_changes"));

            assertThat(call(first, token, "POST", "/decisions", decision).get("send").asBoolean())
                    .as("before the restart the projection still shows the opt-in").isTrue();
        }

        try (ConfigurableApplicationContext restarted = start()) {
            String token = token(restarted);
            JsonNode after = call(restarted, token, "POST", "/decisions", decision);
            JsonNode records = call(restarted, token, "POST", "/consents/lookup", "{\"channel\":\"EMAIL\",\"address\":\"ann@example.com\"}");

            assertThat(after.get("send").asBoolean()).isFalse();
            assertThat(records.get("items").get(0).get("state").asString()).isEqualTo("OPTED_OUT");
            assertThat(records.get("items").get(0).get("seq").asLong()).isEqualTo(2);
        }
    }

    /** Exactly what the writer had stored when it died: the opt-out in the log, the projection untouched. */
    private static void crashAfterChangeLogInsert(MongoCollection<Document> changes) {
        Document first = changes.find(Filters.eq("seq", 1L)).first();
        Document optOut = new Document(first);
        optOut.put("_id", UUID.randomUUID().toString());
        optOut.put("seq", 2L);
        optOut.put("requestedState", "OPTED_OUT");
        optOut.put("before", first.get("after"));
        optOut.put("after", new Document(first.get("after", Document.class)).append("state", "OPTED_OUT")
                .append("capturedAt", Date.from(java.time.Instant.parse("2026-11-02T00:00:00Z"))));
        optOut.put("capturedAt", Date.from(java.time.Instant.parse("2026-11-02T00:00:00Z")));
        optOut.put("projected", false);
        changes.insertOne(optOut);
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ConsentApplication.class).run("--server.port=0",
                "--consent.embedded.mongo.storage=file", "--consent.embedded.mongo.file=" + storage.resolve("consent.mv"),
                "--consent.embedded.kafka.port=0", "--consent.embedded.kafka.dir=" + storage.resolve("kafka"), "--consent.embedded.mail.port=0");
    }

    private static String base(ConfigurableApplicationContext context) {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static String token(ConfigurableApplicationContext context) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base(context) + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo-admin:demo-admin-secret".getBytes()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=consent:admin+consent:write+consent:read+consent:decide"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private static JsonNode call(ConfigurableApplicationContext context, String token, String method, String path, String body)
            throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base(context) + "/api/v1/tenants/acme" + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }
}
