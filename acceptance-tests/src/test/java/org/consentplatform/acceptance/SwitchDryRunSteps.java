package org.consentplatform.acceptance;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.consentplatform.acceptance.support.World;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps for the dry run of the contact-level switch: contacts and records made over HTTP, the dry run asked over HTTP. */
public class SwitchDryRunSteps {

    private JsonNode dryRun;

    private final World world;

    public SwitchDryRunSteps(World world) {
        this.world = world;
    }

    @Given("these contacts, opted in or out of {string} and of tracking:")
    public void contacts(String purpose, DataTable rows) {
        Instant capturedAt = Instant.now().minusSeconds(60);
        for (Map<String, String> row : rows.asMaps()) {
            world.contact(row.get("contact"), "CONTACT", Map.of("doNotEmail", Boolean.parseBoolean(row.get("doNotEmail")),
                    "doNotBulkEmail", Boolean.parseBoolean(row.get("doNotBulkEmail")),
                    "doNotTrack", Boolean.parseBoolean(row.get("doNotTrack"))), List.of(row.get("email")));
            world.capture(world.profile(), "EMAIL", row.get("email"), purpose, null, row.get("deals"), capturedAt);
            world.capture(world.profile(), "EMAIL", row.get("email"), "tracking", null, row.get("tracking"), capturedAt);
        }
    }

    @When("the admin tries turning contact-level checks {word}")
    public void tryTurning(String onOrOff) {
        dryRun = World.ok(world.api.post(World.BASE + "/settings/dry-run", world.admin(),
                Map.of("checkContactLevelConsent", onOrOff.equals("on"), "profileId", world.profile())));
    }

    @Then("{string} would go from block to send for {int} and from send to block for {int}")
    public void purposeFlips(String purpose, int toSend, int toBlock) {
        assertFlips(purpose, "MESSAGE", toSend, toBlock);
    }

    @Then("tracking would go from block to send for {int} and from send to block for {int}")
    public void trackingFlips(int toSend, int toBlock) {
        assertFlips("tracking", "TRACKING", toSend, toBlock);
    }

    private void assertFlips(String purpose, String aspect, int toSend, int toBlock) {
        List<List<Long>> found = new ArrayList<>();
        for (JsonNode line : dryRun.get("lines")) {
            if (line.get("profileId").asString().equals(world.profile()) && line.get("purposeId").asString().equals(purpose)
                    && line.get("aspect").asString().equals(aspect)) {
                found.add(List.of(line.get("blockToSend").asLong(), line.get("sendToBlock").asLong()));
            }
        }
        assertThat(found).containsExactly(List.of((long) toSend, (long) toBlock));
    }

    @Then("the sample of {string} names {}")
    public void sample(String purpose, String addresses) {
        List<String> named = new ArrayList<>();
        for (JsonNode flip : dryRun.get("sample")) {
            if (flip.get("profileId").asString().equals(world.profile()) && flip.get("purposeId").asString().equals(purpose)) {
                named.add(flip.get("address").asString());
            }
        }
        assertThat(named).containsExactlyInAnyOrderElementsOf(Arrays.asList(addresses.split(",\\s*")));
    }

    @Then("nothing has changed: the tenant still checks contact-level consent and {string} is still blocked for {string}")
    public void nothingChanged(String address, String purpose) {
        assertThat(World.ok(world.api.get(World.BASE + "/settings", world.admin())).get("checkContactLevelConsent").asBoolean())
                .isTrue();
        assertThat(world.decide(world.profile(), purpose, null, "EMAIL", address, "switch-1").get("send").asBoolean()).isFalse();
    }

    @Then("no contact is evaluated and nothing would flip")
    public void nothingEvaluated() {
        assertThat(dryRun.get("contactsEvaluated").asLong()).isZero();
        assertThat(dryRun.get("lines")).isEmpty();
        assertThat(dryRun.get("from").asBoolean()).isEqualTo(dryRun.get("to").asBoolean());
    }
}
