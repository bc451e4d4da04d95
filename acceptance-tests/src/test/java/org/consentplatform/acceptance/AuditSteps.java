package org.consentplatform.acceptance;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import org.consentplatform.acceptance.support.World;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps of the auditor: as-of reads and verification of the hash chains, with an auditor token. */
public class AuditSteps {

    private static final String PROFILE = "audit";

    @LocalServerPort
    private int port;
    private World world;
    private final Map<String, Instant> moments = new HashMap<>();

    private World world() {
        if (world == null) {
            world = new World(port);
        }
        return world;
    }

    @Given("a moment passes, noted as {string}")
    public void aMomentPasses(String name) throws InterruptedException {
        Instant noted = Instant.now();
        moments.put(name, noted);
        // entries are stored with millisecond precision: make sure the next one is recorded later
        while (!Instant.now().isAfter(noted.plusMillis(2))) {
            Thread.onSpinWait();
        }
    }

    @Then("as of {string} the auditor sees {string} {word} to {string}")
    public void asOfNamed(String moment, String address, String state, String purpose) {
        assertThat(asOf(moments.get(moment), address, purpose).get("state").get("state").asString()).isEqualTo(state);
    }

    @Then("as of now the auditor sees {string} {word} to {string}")
    public void asOfNow(String address, String state, String purpose) {
        assertThat(asOf(Instant.now(), address, purpose).get("state").get("state").asString()).isEqualTo(state);
    }

    @Then("as of {string} the auditor sees no state for {string}")
    public void asOfNothing(String at, String address) {
        JsonNode asOf = asOf(Instant.parse(at), address, "commercial");
        assertThat(asOf.get("state").isNull()).isTrue();
        assertThat(asOf.get("seq").isNull()).isTrue();
    }

    @Then("the auditor verifies the history of {string} for {string} as intact with {int} entries")
    public void verifiesIntact(String address, String purpose, int entries) {
        JsonNode verification = World.ok(world().api.post(World.BASE + "/history/record/verify", world().auditor(),
                record(address, purpose)));
        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("checked").asLong()).isEqualTo(entries);
        assertThat(verification.get("breach").isNull()).isTrue();
    }

    @Then("the auditor's verification of the whole tenant finds nothing broken")
    public void tenantIntact() {
        JsonNode verification = World.ok(world().api.post(World.BASE + "/history/verify", world().auditor(), Map.of()));
        assertThat(verification.get("breaches")).as(verification.toString()).isEmpty();
        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("records").asLong()).isPositive();
    }

    private JsonNode asOf(Instant at, String address, String purpose) {
        return World.ok(world().api.post(World.BASE + "/history/record/as-of?at=" + at, world().auditor(), record(address, purpose)));
    }

    private static Map<String, Object> record(String address, String purpose) {
        var query = new LinkedHashMap<String, Object>();
        query.put("profileId", PROFILE);
        query.put("channel", "EMAIL");
        query.put("address", address);
        query.put("purposeId", purpose);
        return query;
    }
}
