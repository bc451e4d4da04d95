package org.consentplatform.acceptance;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.consentplatform.acceptance.support.HttpApi;
import org.consentplatform.acceptance.support.World;
import org.consentplatform.application.port.in.CountChanges;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps for reports (§12): a known data set loaded over HTTP, then the reports read as JSON and CSV. */
public class ReportSteps {

    @Autowired
    private CountChanges counting;
    private byte[] file;

    private final World world;

    public ReportSteps(World world) {
        this.world = world;
    }

    @Given("a profile whose purpose {string} is RESTRICTIVE on EMAIL and SMS, shared with {string}, opt-ins living {word}")
    public void reportingProfile(String purpose, String partner, String lifetime) {
        world.profile(World.unique("report"));
        var definition = new LinkedHashMap<>(World.purpose(purpose, "COMMERCIAL", Map.of("EMAIL", "RESTRICTIVE", "SMS", "RESTRICTIVE"),
                List.of()));
        definition.put("partner", partner);
        definition.put("consentLifetime", lifetime);
        World.ok(world.createProfile(world.profile(), List.of(definition)));
    }

    @When("these consents are loaded:")
    public void load(DataTable rows) {
        var csv = new StringBuilder("profileId,channel,address,purposeId,state,capturedAt\r\n");
        for (Map<String, String> row : rows.asMaps()) {
            csv.append(String.join(",", world.profile(), row.get("channel"), row.get("address"), row.get("purposeId"), row.get("state"),
                    row.get("capturedAt"))).append("\r\n");
        }
        file = csv.toString().getBytes(StandardCharsets.UTF_8);
        loadFile(rows.height() - 1);
    }

    @When("the same consents are loaded again")
    public void loadAgain() {
        loadFile(0);
    }

    private void loadFile(int applied) {
        JsonNode done = world.load(Map.of("shape", "CONSENT_ROWS", "format", "CSV"), "consents.csv", file);
        assertThat(done.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(done.at("/counts/applied").asInt()).isEqualTo(applied);
    }

    @When("the report counters catch up")
    public void countersCatchUp() {
        counting.countNew();
    }

    @When("{string} opts out of {string} today")
    public void optsOutToday(String address, String purpose) {
        world.capture(world.profile(), "EMAIL", address, purpose, null, "OPTED_OUT", Instant.now().minusSeconds(5));
    }

    @Then("the reach is:")
    public void reach(DataTable expected) {
        JsonNode report = World.ok(world.api.get(World.BASE + "/reports/reach?profileId=" + world.profile(), world.marketing()));
        List<Map<String, String>> lines = new ArrayList<>();
        for (JsonNode line : report.get("lines")) {
            JsonNode records = line.get("records");
            lines.add(Map.of("purpose", line.get("purposeId").asString(), "channel", line.get("channel").asString(),
                    "optedIn", records.get("optedIn").asString(), "optedOut", records.get("optedOut").asString(),
                    "expired", records.get("expired").asString(), "overdueOptIns", line.get("overdueOptIns").asString(),
                    "willSend", line.get("willSend").asString(), "willNotSend", line.get("willNotSend").asString()));
        }
        assertThat(lines).containsExactlyElementsOf(expected.asMaps());
    }

    @Then("the daily figures from {string} to {string} are:")
    public void daily(String from, String to, DataTable expected) {
        assertThat(days(from, to)).containsExactlyInAnyOrderElementsOf(expected.asMaps());
    }

    @Then("today's figures count {int} opt-out for {string} on EMAIL")
    public void today(int optOuts, String purpose) {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(days(today, today)).containsExactly(Map.of("day", today, "purpose", purpose, "channel", "EMAIL",
                "optIns", "0", "optOuts", Integer.toString(optOuts), "expiries", "0"));
    }

    private List<Map<String, String>> days(String from, String to) {
        JsonNode report = World.ok(world.api.get(World.BASE + "/reports/daily?profileId=" + world.profile() + "&from=" + from + "&to=" + to,
                world.marketing()));
        List<Map<String, String>> days = new ArrayList<>();
        for (JsonNode series : report.get("series")) {
            for (JsonNode day : series.get("days")) {
                days.add(Map.of("day", day.get("day").asString(), "purpose", series.get("purposeId").asString(),
                        "channel", series.get("channel").asString(), "optIns", day.get("optIns").asString(),
                        "optOuts", day.get("optOuts").asString(), "expiries", day.get("expiries").asString()));
            }
        }
        return days;
    }

    @Then("the partner report lists {string} with {string} on EMAIL and SMS")
    public void partners(String partner, String purpose) {
        JsonNode report = World.ok(world.api.get(World.BASE + "/reports/partners", world.marketing()));
        JsonNode listed = null;
        for (JsonNode line : report.get("partners")) {
            if (line.get("partner").asString().equals(partner)) {
                listed = line;
            }
        }
        assertThat(listed).as("partner " + partner).isNotNull();
        List<String> channels = new ArrayList<>();
        for (JsonNode line : listed.get("purposes")) {
            if (line.get("profileId").asString().equals(world.profile())) {
                assertThat(line.get("purposeId").asString()).isEqualTo(purpose);
                assertThat(line.get("legalBasis").asString()).isEqualTo("CONSENT");
                channels.add(line.get("channel").asString());
            }
        }
        assertThat(channels).containsExactly("EMAIL", "SMS");
    }

    @Then("the reach as CSV has the line {string} EMAIL with {int} sent to and {int} not")
    public void reachCsv(String purpose, int willSend, int willNotSend) {
        HttpApi.Response csv = world.api.get(World.BASE + "/reports/reach?format=csv&profileId=" + world.profile(), world.marketing());
        assertThat(csv.status()).isEqualTo(200);
        List<String> lines = csv.body().lines().toList();
        List<String> columns = List.of(lines.getFirst().split(","));
        assertThat(columns).contains("purposeId", "channel", "willSend", "willNotSend");
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            var row = new LinkedHashMap<String, String>();
            for (int i = 0; i < columns.size(); i++) {
                row.put(columns.get(i), cells[i].replace("\"", ""));
            }
            rows.add(row);
        }
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.get("purposeId")).isEqualTo(purpose);
            assertThat(row.get("channel")).isEqualTo("EMAIL");
            assertThat(row.get("willSend")).isEqualTo(Integer.toString(willSend));
            assertThat(row.get("willNotSend")).isEqualTo(Integer.toString(willNotSend));
            assertThat(row.get("willTrack")).isEmpty();
        });
    }
}
