package org.consentplatform.acceptance;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.consentplatform.acceptance.support.World;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps for the dry run of a model change. */
public class DryRunSteps {

    private JsonNode dryRun;

    private final World world;

    public DryRunSteps(World world) {
        this.world = world;
    }

    @Given("a profile whose purpose {string} is {word} on EMAIL, with a topic {string} and opt-ins that live {word}")
    public void profile(String purpose, String model, String topic, String lifetime) {
        world.profile(World.unique("dry-run"));
        var definition = new LinkedHashMap<>(World.purpose(purpose, "COMMERCIAL", Map.of("EMAIL", model), List.of(topic)));
        definition.put("consentLifetime", lifetime);
        World.ok(world.createProfile(world.profile(), List.of(definition)));
    }

    @Given("these records of {string} on EMAIL:")
    public void records(String purpose, DataTable table) {
        for (Map<String, String> row : table.asMaps()) {
            Instant capturedAt = row.get("captured").equals("today") ? Instant.now().minusSeconds(60)
                    : Instant.now().atOffset(ZoneOffset.UTC).minusMonths(13).toInstant();
            String topic = row.get("topic") == null || row.get("topic").isBlank() ? null : row.get("topic");
            world.capture(world.profile(), "EMAIL", row.get("address"), purpose, topic, row.get("state"), capturedAt);
        }
    }

    @When("the admin tries {word} for {string} on EMAIL")
    public void tries(String model, String purpose) {
        dryRun = World.ok(world.api.post(World.BASE + "/profiles/" + world.profile() + "/dry-run", world.admin(),
                Map.of("purposeId", purpose, "channel", "EMAIL", "model", model)));
    }

    @Then("{int} records are evaluated: {int} would go from send to block and {int} from block to send")
    public void figures(int evaluated, int toBlock, int toSend) {
        assertThat(dryRun.get("evaluated").asLong()).isEqualTo(evaluated);
        assertThat(dryRun.get("sendToBlock").asLong()).isEqualTo(toBlock);
        assertThat(dryRun.get("blockToSend").asLong()).isEqualTo(toSend);
        assertThat(dryRun.get("unchanged").asLong()).isEqualTo(evaluated - toBlock - toSend);
    }

    @Then("the sample names {}")
    public void sample(String names) {
        List<String> expected = names.equals("nobody") ? List.of() : Arrays.stream(names.split(",\\s*")).toList();
        assertThat(dryRun.get("sample").valueStream().map(flip -> flip.get("address").asString()))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Then("contact points without a record would {} it")
    public void withoutRecord(String verdict) {
        assertThat(dryRun.at("/withoutRecord/sendsAfter").asBoolean()).isEqualTo(verdict.equals("keep receiving"));
    }

    @Then("nothing has changed: the profile is at version {int} and a message for {string} to {string} is still blocked")
    public void nothingChanged(int version, String purpose, String address) {
        assertThat(World.ok(world.api.get(World.BASE + "/profiles/" + world.profile(), world.admin())).get("version").asLong())
                .isEqualTo(version);
        assertThat(world.decide(world.profile(), purpose, null, "EMAIL", address, null).get("send").asBoolean()).isFalse();
    }
}
