package org.consentplatform.acceptance;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.consentplatform.acceptance.support.HttpApi;
import org.consentplatform.acceptance.support.World;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps for loads: files built from the scenario's tables, uploaded and followed over HTTP. */
public class LoadSteps {

    private Map<String, Object> job;
    private byte[] file;
    private JsonNode finished;

    private final World world;

    public LoadSteps(World world) {
        this.world = world;
    }

    @Given("a profile whose purpose {string} has the topics {string} and {string}")
    public void profile(String purpose, String topic, String otherTopic) {
        world.profile(World.unique("load"));
        World.ok(world.createProfile(world.profile(), List.of(World.purpose(purpose, "COMMERCIAL", Map.of(), List.of(topic, otherTopic)))));
    }

    @When("this legacy file is loaded, list {string} mapped to topic {string}, exported at {string}:")
    public void load(String list, String topic, String exportedAt, DataTable rows) {
        job = new LinkedHashMap<>();
        job.put("shape", "LEGACY_CONTACTS");
        job.put("format", "CSV");
        job.put("profileId", world.profile());
        job.put("capturedAt", exportedAt);
        job.put("lists", Map.of(list, Map.of("purposeId", "newsletter", "topicId", topic)));
        var csv = new StringBuilder();
        for (List<String> row : rows.asLists()) {
            csv.append(String.join(",", row.stream().map(cell -> cell == null ? "" : cell).toList())).append("\r\n");
        }
        file = csv.toString().getBytes(StandardCharsets.UTF_8);
        finished = loadFile();
    }

    @When("the same file is loaded again")
    public void loadAgain() {
        finished = loadFile();
    }

    @Then("the load completes with {int} rows read, {int} applied, {int} superseded, {int} rejected")
    public void completed(int read, int applied, int superseded, int rejected) {
        assertThat(finished.get("state").asString()).isEqualTo("COMPLETED");
        JsonNode counts = finished.get("counts");
        assertThat(List.of(counts.get("read").asInt(), counts.get("applied").asInt(), counts.get("superseded").asInt(),
                counts.get("rejected").asInt())).containsExactly(read, applied, superseded, rejected);
    }

    @Then("{int} row is counted as unchanged")
    public void unchanged(int rows) {
        assertThat(finished.get("counts").get("unchanged").asInt()).isEqualTo(rows);
    }

    @Then("the loaded records are:")
    public void records(DataTable expected) {
        for (Map<String, String> row : expected.asMaps()) {
            String state = state(row.get("address"), row.get("purpose"), row.get("topic"));
            assertThat(state == null ? "absent" : state).as(row.toString()).isEqualTo(row.get("state"));
        }
    }

    @Then("the loaded record of {string} for {string} is OPTED_OUT")
    public void optedOutStill(String address, String purpose) {
        assertThat(state(address, purpose, null)).isEqualTo("OPTED_OUT");
    }

    @Then("the error report lists:")
    public void errorReport(DataTable expected) {
        HttpApi.Response report = world.api.get(World.BASE + "/imports/" + finished.get("id").asString() + "/errors?format=ndjson",
                world.admin());
        List<List<String>> reported = new ArrayList<>();
        report.body().lines().map(HttpApi.JSON::readTree)
                .forEach(line -> reported.add(List.of(line.get("line").asString(), line.get("field").asString())));
        assertThat(reported).isEqualTo(expected.asLists().subList(1, expected.height()));
    }

    private JsonNode loadFile() {
        return world.load(job, "legacy.csv", file);
    }

    private String state(String address, String purpose, String topic) {
        JsonNode items = World.ok(world.api.post(World.BASE + "/consents/lookup", world.marketing(),
                Map.of("channel", "EMAIL", "address", address, "profileId", world.profile()))).get("items");
        for (JsonNode record : items) {
            boolean topicMatches = topic == null || topic.isEmpty() ? record.get("topicId").isNull()
                    : topic.equals(record.get("topicId").asString());
            if (record.get("purposeId").asString().equals(purpose) && topicMatches) {
                return record.get("state").asString();
            }
        }
        return null;
    }
}
