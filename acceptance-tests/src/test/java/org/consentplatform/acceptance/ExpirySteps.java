package org.consentplatform.acceptance;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.consentplatform.acceptance.support.HttpApi;
import org.consentplatform.acceptance.support.World;
import org.consentplatform.application.port.in.ExpireConsents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps for consent lifetimes (§10) and minors (§12), both deciding when an opt-in counts. */
public class ExpirySteps {

    @Autowired
    private ExpireConsents expiry;
    private Instant clickedAt;
    private HttpApi.Response engagement;
    private HttpApi.Response capture;
    private JsonNode rejected;

    private final World world;

    public ExpirySteps(World world) {
        this.world = world;
    }

    @Given("a profile whose purpose {string} is {word} on EMAIL and whose opt-ins live {word}, renewed on engagement")
    public void profileWithLifetime(String purpose, String model, String lifetime) {
        world.profile(World.unique("lifetime"));
        var definition = new LinkedHashMap<>(World.purpose(purpose, "COMMERCIAL", Map.of("EMAIL", model), List.of()));
        definition.put("consentLifetime", lifetime);
        definition.put("renewOnEngagement", true);
        JsonNode created = World.ok(world.createProfile(world.profile(), List.of(definition)));
        assertThat(created.findValues("consentLifetime").stream().map(JsonNode::asString)).contains(lifetime);
    }

    @Given("{string} is flagged as a minor's, born {int} years ago")
    public void flaggedMinor(String address, int years) {
        JsonNode flag = World.ok(world.api.put(World.BASE + "/contact-points/minor", world.marketing(), Map.of("channel", "EMAIL",
                "address", address, "minor", true, "birthDate", LocalDate.now(ZoneOffset.UTC).minusYears(years).toString())));
        assertThat(flag.get("minorUntil").asString()).isEqualTo(LocalDate.now(ZoneOffset.UTC).minusYears(years).plusYears(16).toString());
    }

    @When("{string} opts in to {string} without a guardian")
    public void optsInAlone(String address, String purpose) {
        capture = world.api.post(World.BASE + "/consents", world.marketing(),
                World.capture(world.profile(), "EMAIL", address, purpose, null, "OPTED_IN", Instant.now().minusSeconds(5), null));
    }

    @When("{string} opts out of {string}")
    public void optsOut(String address, String purpose) {
        capture = world.api.post(World.BASE + "/consents", world.marketing(),
                World.capture(world.profile(), "EMAIL", address, purpose, null, "OPTED_OUT", Instant.now().minusSeconds(5), null));
    }

    @When("{string} opts in to {string} with the guardian {string}")
    public void optsInWithGuardian(String address, String purpose, String guardian) {
        var body = new LinkedHashMap<>(World.capture(world.profile(), "EMAIL", address, purpose, null, "OPTED_IN", Instant.now().minusSeconds(5), null));
        body.put("evidence", Map.of("formId", "family-signup", "guardian", guardian));
        capture = world.api.post(World.BASE + "/consents", world.marketing(), body);
        assertThat(capture.status()).as(capture.body()).isEqualTo(201);
        assertThat(capture.json().at("/evidence/guardian").asString()).isEqualTo(guardian);
    }

    @Then("the capture is refused with the rule {string}")
    public void captureRefused(String rule) {
        assertThat(capture.status()).isEqualTo(422);
        assertThat(capture.json().get("rule").asString()).isEqualTo(rule);
    }

    @Then("the capture is accepted")
    public void captureAccepted() {
        assertThat(capture.status()).as(capture.body()).isEqualTo(201);
    }

    @Given("{string} opted in to {string} {int} months ago")
    public void optedInMonthsAgo(String address, String purpose, int months) {
        Instant capturedAt = Instant.now().atOffset(ZoneOffset.UTC).minusMonths(months).toInstant();
        world.capture(world.profile(), "EMAIL", address, purpose, null, "OPTED_IN", capturedAt);
    }

    @When("{string} opts in to {string} again today")
    public void optsInAgain(String address, String purpose) {
        world.capture(world.profile(), "EMAIL", address, purpose, null, "OPTED_IN", Instant.now().minusSeconds(5));
    }

    @Then("a message for {string} to {string} is {word} because of {word}")
    public void messageIs(String purpose, String address, String verdict, String reason) {
        JsonNode decision = world.decide(world.profile(), purpose, null, "EMAIL", address, null);
        assertThat(decision.get("send").asBoolean()).as(decision.toString()).isEqualTo(verdict.equals("sent"));
        assertThat(decision.get("reasons").valueStream()
                .filter(r -> r.get("aspect").asString().equals("MESSAGE"))
                .map(r -> r.get("code").asString())).contains(reason);
    }

    @Then("the explanation for {string} to {string} says {string}")
    public void explanationSays(String purpose, String address, String words) {
        JsonNode explanation = World.ok(world.api.post(World.BASE + "/decisions/explanation", world.marketing(),
                World.decision(world.profile(), purpose, null, "EMAIL", address, null)));
        assertThat(explanation.get("reasons").valueStream().map(r -> r.get("explanation").asString()))
                .anySatisfy(sentence -> assertThat(sentence).contains(words));
    }

    @When("the expiry job runs")
    public void expiryJobRuns() {
        assertThat(expiry.expireDue()).isPositive();
    }

    @Then("the history of {string} for {string} ends with an EXPIRY change by {string}")
    public void historyEndsWithExpiry(String address, String purpose, String actor) {
        JsonNode last = lastEntry(address, purpose);
        assertThat(last.get("source").asString()).isEqualTo("EXPIRY");
        assertThat(last.get("actor").asString()).isEqualTo(actor);
        assertThat(last.at("/before/state").asString()).isEqualTo("OPTED_IN");
        assertThat(last.at("/after/state").asString(null)).as("the record counts as absent").isNull();
        assertThat(last.get("requestedState").asString(null)).isNull();
    }

    @Then("the history of {string} for {string} ends with a REJECTED opt-in for the rule {string}, the record {word}")
    public void historyEndsWithRejection(String address, String purpose, String rule, String state) {
        JsonNode last = lastEntry(address, purpose);
        assertThat(last.get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(last.get("requestedState").asString()).isEqualTo("OPTED_IN");
        assertThat(last.at("/rejection/rule").asString()).isEqualTo(rule);
        assertThat(last.at("/rejection/reason").asString()).isNotBlank().doesNotContain(address);
        assertThat(last.get("before")).isEqualTo(last.get("after"));
        assertThat(last.at("/after/state").asString(null)).isEqualTo(state.equals("absent") ? null : state);
        JsonNode records = World.ok(world.api.post(World.BASE + "/consents/lookup", world.marketing(),
                Map.of("channel", "EMAIL", "address", address, "profileId", world.profile()))).get("items");
        assertThat(records.valueStream().filter(r -> r.get("purposeId").asString().equals(purpose))
                .map(r -> r.get("state").asString()).toList())
                .isEqualTo(state.equals("absent") ? List.of() : List.of(state));
        rejected = last;
    }

    @Then("the auditor finds that attempt among the profile's REJECTED entries, in a history that verifies")
    public void auditorFindsRejection() {
        JsonNode found = World.ok(world.api.post(World.BASE + "/history/search", world.auditor(),
                Map.of("profileId", world.profile(), "outcome", "REJECTED"))).get("items");
        assertThat(found.valueStream().map(entry -> entry.get("id").asString())).containsExactly(rejected.get("id").asString());
        JsonNode verification = World.ok(world.api.post(World.BASE + "/history/record/verify", world.auditor(),
                Map.of("profileId", world.profile(), "channel", "EMAIL", "address", rejected.get("address").asString(),
                        "purposeId", rejected.get("purposeId").asString())));
        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("checked").asLong()).isEqualTo(rejected.get("seq").asLong());
    }

    private JsonNode lastEntry(String address, String purpose) {
        JsonNode items = World.ok(world.api.post(World.BASE + "/history/record", world.auditor(),
                Map.of("profileId", world.profile(), "channel", "EMAIL", "address", address, "purposeId", purpose))).get("items");
        return items.get(items.size() - 1);
    }

    @When("{string} clicks in a message about {string} today")
    public void clicks(String address, String purpose) {
        clickedAt = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
        engagement = world.api.post(World.BASE + "/consents/engagement", world.marketing(), Map.of(
                "profileId", world.profile(), "channel", "EMAIL", "address", address, "purposeId", purpose,
                "engagedAt", clickedAt.toString(), "evidence", Map.of("formId", "click")));
    }

    @Then("the record of {string} for {string} is OPTED_IN captured at the click")
    public void renewed(String address, String purpose) {
        assertThat(engagement.status()).as(engagement.body()).isEqualTo(201);
        JsonNode items = World.ok(world.api.post(World.BASE + "/consents/lookup", world.marketing(),
                Map.of("channel", "EMAIL", "address", address, "profileId", world.profile()))).get("items");
        JsonNode record = items.valueStream().filter(r -> r.get("purposeId").asString().equals(purpose)).findFirst().orElseThrow();
        assertThat(record.get("state").asString()).isEqualTo("OPTED_IN");
        assertThat(Instant.parse(record.get("capturedAt").asString())).isEqualTo(clickedAt);
        assertThat(record.at("/evidence/formId").asString()).isEqualTo("click");
    }

    @Then("the engagement is refused with the rule {string}")
    public void refused(String rule) {
        assertThat(engagement.status()).isEqualTo(422);
        assertThat(engagement.json().get("rule").asString()).isEqualTo(rule);
    }
}
