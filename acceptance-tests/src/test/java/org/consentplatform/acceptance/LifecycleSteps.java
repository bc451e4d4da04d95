package org.consentplatform.acceptance;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.consentplatform.acceptance.support.World;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps for a purpose's legal basis and partner (§12). */
public class LifecycleSteps {

    private String purpose;
    private JsonNode created;

    private final World world;

    public LifecycleSteps(World world) {
        this.world = world;
    }

    @When("the admin creates a profile whose purpose {string} rests on {word}, {word} on EMAIL and {word} on SMS")
    public void createsProfile(String purposeId, String legalBasis, String emailModel, String smsModel) {
        var definition = new LinkedHashMap<>(World.purpose(purposeId, "COMMERCIAL", Map.of("EMAIL", emailModel, "SMS", smsModel), List.of()));
        definition.put("legalBasis", legalBasis);
        created = World.ok(world.createProfile(World.unique("basis"), List.of(definition)));
    }

    @Then("the profile is created with a compliance warning for {string} on {word}")
    public void warned(String purposeId, String channel) {
        assertThat(warnings()).anySatisfy(w -> {
            assertThat(w.get("purposeId").asString()).isEqualTo(purposeId);
            assertThat(w.get("channel").asString()).isEqualTo(channel);
            assertThat(w.get("message").asString()).contains("rests on CONSENT");
        });
    }

    @Then("it has no compliance warning for {string} on {word}")
    public void notWarned(String purposeId, String channel) {
        assertThat(warnings()).noneMatch(w -> w.get("purposeId").asString().equals(purposeId) && w.get("channel").asString().equals(channel));
    }

    @Given("a profile whose purpose {string} shares data with {string}")
    public void partnerPurpose(String purposeId, String partner) {
        world.profile(World.unique("partner"));
        purpose = purposeId;
        var definition = new LinkedHashMap<>(World.purpose(purposeId, "COMMERCIAL", Map.of("EMAIL", "RESTRICTIVE"), List.of()));
        definition.put("partner", partner);
        JsonNode stored = World.ok(world.createProfile(world.profile(), List.of(definition)));
        assertThat(stored.findValues("partner").stream().map(JsonNode::asString)).contains(partner);
    }

    @Given("{string} opted in to the partner purpose")
    public void optedIn(String address) {
        world.capture(world.profile(), "EMAIL", address, purpose, null, "OPTED_IN", Instant.now().minusSeconds(60));
    }

    @Then("a decision about it to {string} names the partner {string} and the legal basis {word}")
    public void decisionNames(String address, String partner, String legalBasis) {
        JsonNode decision = world.decide(world.profile(), purpose, null, "EMAIL", address, null);
        assertThat(decision.get("send").asBoolean()).isTrue();
        assertThat(decision.get("partner").asString()).isEqualTo(partner);
        assertThat(decision.get("legalBasis").asString()).isEqualTo(legalBasis);
    }

    @Then("its explanation names the partner {string} and the legal basis {word}")
    public void explanationNames(String partner, String legalBasis) {
        JsonNode explanation = World.ok(world.api.post(World.BASE + "/decisions/explanation", world.marketing(),
                World.decision(world.profile(), purpose, null, "EMAIL", "zoe@example.com", null)));
        assertThat(explanation.get("partner").asString()).isEqualTo(partner);
        assertThat(explanation.get("legalBasis").asString()).isEqualTo(legalBasis);
    }

    @Then("the receipt of {string} discloses the third party {string}")
    public void receiptDiscloses(String address, String partner) {
        JsonNode receipt = World.ok(world.api.post(World.BASE + "/consents/receipt", world.marketing(),
                Map.of("profileId", world.profile(), "channel", "EMAIL", "address", address, "purposeId", purpose)));
        JsonNode claimed = receipt.at("/claims/services/0/purposes/0");
        assertThat(claimed.get("thirdPartyDisclosure").asBoolean()).isTrue();
        assertThat(claimed.get("thirdPartyName").asString()).isEqualTo(partner);
        assertThat(claimed.get("legalBasis").asString()).isEqualTo("CONSENT");
    }

    private List<JsonNode> warnings() {
        var warnings = new ArrayList<JsonNode>();
        created.get("complianceWarnings").forEach(warnings::add);
        return warnings;
    }
}
