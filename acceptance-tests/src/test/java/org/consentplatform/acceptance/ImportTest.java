package org.consentplatform.acceptance;

import org.awaitility.Awaitility;
import org.consentplatform.acceptance.support.HttpApi;
import org.consentplatform.acceptance.support.RunningService;
import org.consentplatform.acceptance.support.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loads over HTTP (§9): a legacy contact file becomes records by the subscription-center rules,
 * bad rows are reported by line while the rest goes on, a second load of the same file changes
 * nothing, older rows are superseded, and a file that cannot be read fails with its reason.
 */
@RunningService
class ImportTest {

    private static final Instant EXPORTED = Instant.parse("2026-10-01T00:00:00Z");

    @LocalServerPort
    private int port;
    private World world;
    private String profile;

    @BeforeEach
    void setUp() {
        world = new World(port);
        profile = World.unique("legacy");
        var newsletter = World.purpose("newsletter", "COMMERCIAL", Map.of("EMAIL", "RESTRICTIVE"), List.of("wine", "cheese"));
        World.ok(world.createProfile(profile, List.of(newsletter)));
    }

    @Test
    void aLegacyFileBecomesRecordsAndItsBadRowsAreReportedByLine() {
        String ann = World.unique("ann") + "@example.com";
        String bob = World.unique("bob") + "@example.com";
        var file = new ByteArrayOutputStream();
        file.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // a BOM, as spreadsheets write it
        file.writeBytes(("contactId,emails,doNotEmail,doNotBulkEmail,doNotTrack,lists\r\n"
                + "c1,\"" + ann + ";" + ann.toUpperCase() + "\",false,false,true,Wine club\r\n"
                + "c2," + bob + ",false,true,,\r\n"
                + "c3,not-an-address,false,false,false,\r\n"
                + "c4,carl@example.com,false,false,false,Beer club\r\n").getBytes(StandardCharsets.UTF_8));
        file.writeBytes("c5,d\u00e9d\u00e9@example.com,false,false,false,\r\n".getBytes(StandardCharsets.ISO_8859_1));
        file.writeBytes("c6,eve@example.com,false".getBytes(StandardCharsets.UTF_8)); // cut short

        JsonNode job = submit(legacyJob(), "contacts.csv", file.toByteArray());
        assertThat(job.get("state").asString()).isIn("QUEUED", "RUNNING", "COMPLETED");
        JsonNode done = awaitFinished(job.get("id").asString());

        assertThat(done.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("counts").get("read").asLong()).isEqualTo(6);
        assertThat(done.get("counts").get("applied").asLong()).isEqualTo(2);
        assertThat(done.get("counts").get("rejected").asLong()).isEqualTo(4);
        assertThat(done.get("timeLeft").asString()).isEqualTo("PT0S");

        assertThat(state(ann, "newsletter", null)).isEqualTo("OPTED_IN");
        assertThat(state(ann, "transactional", null)).isEqualTo("OPTED_IN");
        assertThat(state(ann, "tracking", null)).isEqualTo("OPTED_OUT");
        assertThat(state(ann, "newsletter", "wine")).isEqualTo("OPTED_IN");
        assertThat(state(bob, "newsletter", null)).isEqualTo("OPTED_OUT");
        assertThat(state(bob, "tracking", null)).as("an empty flag writes nothing").isNull();
        JsonNode record = lookup(ann).stream().filter(r -> r.get("purposeId").asString().equals("tracking")).findFirst().orElseThrow();
        assertThat(record.get("source").asString()).isEqualTo("IMPORT");
        assertThat(record.get("capturedAt").asString()).isEqualTo("2026-10-01T00:00:00Z");

        HttpApi.Response report = world.api.get(imports() + "/" + done.get("id").asString() + "/errors", world.admin());
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.header("Content-Type")).startsWith("text/csv");
        assertThat(report.body().lines().toList()).containsExactly(
                "line,field,reason",
                "4,\"emails\",\"'not-an-address' is not a valid email address\"",
                "5,\"lists\",\"list 'Beer club' has no topic in the job's mapping\"",
                "6,\"row\",\"is not valid UTF-8\"",
                "7,\"row\",\"has 3 cells where the header names 6 (a row cut short?)\"");
        HttpApi.Response ndjson = world.api.get(imports() + "/" + done.get("id").asString() + "/errors?format=ndjson", world.admin());
        assertThat(ndjson.body().lines().findFirst().orElseThrow())
                .isEqualTo("{\"line\":4,\"field\":\"emails\",\"reason\":\"'not-an-address' is not a valid email address\"}");
    }

    @Test
    void loadingTheSameFileAgainChangesNothing() {
        String ann = World.unique("ann") + "@example.com";
        byte[] file = ("contactId,emails,doNotEmail,doNotBulkEmail,doNotTrack,lists\n"
                + "c1," + ann + ",false,false,false,Wine club\n").getBytes(StandardCharsets.UTF_8);
        JsonNode first = awaitFinished(submit(legacyJob(), "contacts.csv", file).get("id").asString());
        long seq = seq(ann);

        JsonNode second = awaitFinished(submit(legacyJob(), "contacts.csv", file).get("id").asString());

        assertThat(first.get("counts").get("applied").asLong()).isEqualTo(1);
        assertThat(second.get("counts").get("applied").asLong()).isZero();
        assertThat(second.get("counts").get("unchanged").asLong()).isEqualTo(1);
        assertThat(seq(ann)).as("no change recorded the second time").isEqualTo(seq);
    }

    @Test
    void anOlderRowIsSupersededAndAuditedSo() {
        String ann = World.unique("ann") + "@example.com";
        world.capture(profile, "EMAIL", ann, "newsletter", null, "OPTED_OUT", Instant.parse("2026-11-01T00:00:00Z"));
        String rows = "{\"profileId\":\"" + profile + "\",\"channel\":\"EMAIL\",\"address\":\"" + ann + "\",\"purposeId\":\"newsletter\","
                + "\"state\":\"OPTED_IN\",\"capturedAt\":\"2026-06-01T00:00:00Z\",\"evidence\":{\"wordingVersion\":\"v1\"}}\n";

        JsonNode done = awaitFinished(submit(Map.of("shape", "CONSENT_ROWS", "format", "NDJSON"), "consents.ndjson",
                rows.getBytes(StandardCharsets.UTF_8)).get("id").asString());

        assertThat(done.get("counts").get("superseded").asLong()).isEqualTo(1);
        assertThat(state(ann, "newsletter", null)).as("old data never overwrites newer consent").isEqualTo("OPTED_OUT");
        JsonNode history = World.ok(world.api.post(World.BASE + "/history/contact-point", world.auditor(),
                Map.of("channel", "EMAIL", "address", ann)));
        assertThat(history.get("items")).anySatisfy(change -> {
            assertThat(change.get("outcome").asString()).isEqualTo("SUPERSEDED");
            assertThat(change.get("source").asString()).isEqualTo("IMPORT");
            assertThat(change.get("actor").asString()).isEqualTo("import:" + done.get("id").asString());
            assertThat(change.get("correlationId").asString()).isEqualTo("import:" + done.get("id").asString() + ":1");
        });
    }

    @Test
    void aFileWithoutTheNeededColumnsFailsWithItsReasonAndBadJobsAreRefused() {
        JsonNode done = awaitFinished(submit(legacyJob(), "contacts.csv",
                "id,mail\nc1,ann@example.com\n".getBytes(StandardCharsets.UTF_8)).get("id").asString());
        assertThat(done.get("state").asString()).isEqualTo("FAILED");
        assertThat(done.get("failure").asString()).contains("contactId", "emails");

        var unknownTopic = new LinkedHashMap<>(legacyJob());
        unknownTopic.put("lists", Map.of("Wine club", Map.of("purposeId", "newsletter", "topicId", "beer")));
        HttpApi.Response refused = world.api.upload(imports(), world.admin(), "job", unknownTopic, "file", "c.csv", "x".getBytes());
        assertThat(refused.status()).isEqualTo(404);
        assertThat(world.api.upload(imports(), world.marketing(), "job", legacyJob(), "file", "c.csv", "x".getBytes()).status())
                .as("loading takes the import scope").isEqualTo(403);
        assertThat(world.api.get(imports() + "/no-such-job", world.admin()).status()).isEqualTo(404);
    }

    @Test
    void badNdJsonLinesAreRejectedByLineAndTheRestGoesOn() {
        String ann = World.unique("ann") + "@example.com";
        String good = "{\"profileId\":\"" + profile + "\",\"channel\":\"EMAIL\",\"address\":\"" + ann
                + "\",\"purposeId\":\"newsletter\",\"state\":\"OPTED_IN\",\"capturedAt\":\"2026-06-01T00:00:00Z\"}";
        String rows = "{\"profileId\":\"" + profile + "\",\"channel\":\"EMAIL\",\"address\":\"x@example.com\","
                + "\"purposeId\":\"" + "p".repeat(70_000) + "\"}\n"        // longer than a row may be
                + "this is not json\n"
                + "{\"profileId\":\"nope\",\"channel\":\"EMAIL\",\"address\":\"y@example.com\",\"purposeId\":\"newsletter\","
                + "\"state\":\"OPTED_IN\",\"capturedAt\":\"2026-06-01T00:00:00Z\"}\n"
                + good + "\n"
                + good.substring(0, 40);                                      // cut short

        JsonNode done = awaitFinished(submit(Map.of("shape", "CONSENT_ROWS", "format", "NDJSON"), "consents.ndjson",
                rows.getBytes(StandardCharsets.UTF_8)).get("id").asString());

        assertThat(done.get("counts").get("read").asLong()).isEqualTo(5);
        assertThat(done.get("counts").get("applied").asLong()).isEqualTo(1);
        assertThat(done.get("counts").get("rejected").asLong()).isEqualTo(4);
        assertThat(state(ann, "newsletter", null)).isEqualTo("OPTED_IN");
        HttpApi.Response report = world.api.get(imports() + "/" + done.get("id").asString() + "/errors?format=ndjson", world.admin());
        assertThat(report.body().lines().map(line -> HttpApi.JSON.readTree(line).get("line").asLong() + " "
                + HttpApi.JSON.readTree(line).get("reason").asString()).toList()).containsExactly(
                "1 is longer than 65536 characters",
                "2 is not a JSON object (a row cut short?)",
                "3 profile 'nope' does not exist",
                "5 is not a JSON object (a row cut short?)");
    }

    @Test
    void aCancelledLoadStopsAndKeepsWhatItLoaded() {
        var csv = new StringBuilder("contactId,emails,doNotEmail,doNotBulkEmail,doNotTrack,lists\n");
        String prefix = World.unique("many");
        for (int i = 0; i < 20_000; i++) {
            csv.append("c").append(i).append(',').append(prefix).append(i).append("@example.com,false,false,,\n");
        }
        String id = submit(legacyJob(), "many.csv", csv.toString().getBytes(StandardCharsets.UTF_8)).get("id").asString();

        HttpApi.Response cancelled = world.api.post(imports() + "/" + id + "/cancel", world.admin(), Map.of());
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("cancelRequested").asBoolean()).isTrue();
        JsonNode done = awaitFinished(id);

        assertThat(done.get("state").asString()).isEqualTo("CANCELLED");
        assertThat(done.get("counts").get("read").asLong()).as("stopped before the end").isLessThan(20_000);
        assertThat(done.get("counts").get("applied").asLong()).isEqualTo(done.get("counts").get("read").asLong());
        assertThat(world.api.post(imports() + "/no-such-job/cancel", world.admin(), Map.of()).status()).isEqualTo(404);
    }

    private Map<String, Object> legacyJob() {
        var job = new LinkedHashMap<String, Object>();
        job.put("shape", "LEGACY_CONTACTS");
        job.put("format", "CSV");
        job.put("profileId", profile);
        job.put("capturedAt", EXPORTED.toString());
        job.put("lists", Map.of("Wine club", Map.of("purposeId", "newsletter", "topicId", "wine")));
        return job;
    }

    private JsonNode submit(Map<String, Object> job, String fileName, byte[] file) {
        HttpApi.Response accepted = world.api.upload(imports(), world.admin(), "job", job, "file", fileName, file);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.header("Location")).endsWith("/imports/" + accepted.json().get("id").asString());
        return accepted.json();
    }

    private JsonNode awaitFinished(String id) {
        return Awaitility.await("import " + id).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> World.ok(world.api.get(imports() + "/" + id, world.admin())),
                        job -> List.of("COMPLETED", "FAILED", "CANCELLED").contains(job.get("state").asString()));
    }

    private String imports() {
        return World.BASE + "/imports";
    }

    private List<JsonNode> lookup(String address) {
        var items = World.ok(world.api.post(World.BASE + "/consents/lookup", world.marketing(),
                Map.of("channel", "EMAIL", "address", address, "profileId", profile))).get("items");
        var list = new java.util.ArrayList<JsonNode>();
        items.forEach(list::add);
        return list;
    }

    private String state(String address, String purpose, String topic) {
        return lookup(address).stream().filter(r -> r.get("purposeId").asString().equals(purpose)
                        && (topic == null ? r.get("topicId").isNull() : topic.equals(r.get("topicId").asString())))
                .map(r -> r.get("state").asString()).findFirst().orElse(null);
    }

    private long seq(String address) {
        return lookup(address).stream().mapToLong(r -> r.get("seq").asLong()).sum();
    }
}
