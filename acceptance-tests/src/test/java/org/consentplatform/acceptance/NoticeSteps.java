package org.consentplatform.acceptance;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.consentplatform.acceptance.support.HttpApi;
import org.consentplatform.acceptance.support.RecipientPages;
import org.consentplatform.acceptance.support.World;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps for notices with versions (§15): people are named in the feature, their addresses made unique per scenario. */
public class NoticeSteps {

    private static final String NOTICE = "news-wording";

    private final World world;
    private final String suffix = World.unique("n");
    private HttpApi.Response refused;
    private JsonNode dryRun;
    private JsonNode firstVersion;

    public NoticeSteps(World world) {
        this.world = world;
    }

    @Given("a profile whose purpose {string} is worded by notice {string}, version {string} in effect since 2026-01-01")
    public void profile(String purpose, String notice, String version) {
        world.profile(World.unique("notices"));
        var profile = new LinkedHashMap<String, Object>();
        profile.put("id", world.profile());
        profile.put("name", "Notices " + world.profile());
        profile.put("purposes", List.of(World.purpose(purpose, "COMMERCIAL", Map.of("EMAIL", "RESTRICTIVE"), List.of())));
        profile.put("notices", List.of(Map.of("id", notice, "purposeId", purpose, "versions", List.of(
                version(version, Instant.parse("2026-01-01T00:00:00Z"), false)))));
        World.ok(world.api.post(World.BASE + "/profiles", world.admin(), profile));
    }

    @Given("{string} opted in to {string} under notice version {string}")
    @When("{string} opts in to {string} under notice version {string}")
    public void optedInUnder(String person, String purpose, String version) {
        World.ok(capture(person, purpose, "OPTED_IN", Map.of("id", NOTICE, "version", version)));
    }

    @Given("{string} opted in to {string} naming no notice version")
    public void optedInNaming(String person, String purpose) {
        World.ok(capture(person, purpose, "OPTED_IN", null));
    }

    @Given("{string} opted out of {string}")
    public void optedOut(String person, String purpose) {
        World.ok(capture(person, purpose, "OPTED_OUT", null));
    }

    @When("{string} opts in to {string} naming notice {string} version {string}")
    public void optsInNaming(String person, String purpose, String notice, String version) {
        refused = capture(person, purpose, "OPTED_IN", Map.of("id", notice, "version", version));
    }

    @Given("the profile's notice policy is {word}")
    public void policy(String policy) {
        revise(profile -> profile.put("noticePolicy", policy));
    }

    @Given("version {string} of the notice, {}, takes effect")
    public void takesEffect(String version, String material) {
        publish(version, material.equals("material"), Instant.now().minusSeconds(1));
    }

    @When("version {string} of the notice, material, is published to take effect tomorrow")
    public void publishedForTomorrow(String version) {
        publish(version, true, Instant.now().plus(Duration.ofDays(1)));
    }

    @When("the dry run of version {string}, {}, effective tomorrow, is asked for")
    public void dryRun(String version, String material) {
        dryRun = World.ok(world.api.post(World.BASE + "/profiles/" + world.profile() + "/notices/" + NOTICE + "/dry-run", world.admin(),
                version(version, Instant.now().plus(Duration.ofDays(1)), material.equals("material"))));
    }

    @When("the admin revises the profile with version {string} of the notice reworded")
    public void reword(String version) {
        firstVersion = notice().get("versions").get(0).deepCopy();
        refused = revise(profile -> ((ObjectNode) profile.get("notices").get(0).get("versions").get(0).get("texts"))
                .put("en", "Something else entirely."));
    }

    @Then("a {string} message to {string} is {word} because of {word}")
    public void message(String purpose, String person, String verdict, String reason) {
        JsonNode decision = world.decide(world.profile(), purpose, null, "EMAIL", address(person), null);
        assertThat(decision.get("send").asBoolean()).as(decision.toString()).isEqualTo(verdict.equals("sent"));
        assertThat(decision.get("reasons").valueStream().filter(r -> r.get("aspect").asString().equals("MESSAGE"))
                .map(r -> r.get("code").asString())).contains(reason);
    }

    @Then("the preference page of {string} shows {string} {word}")
    public void preferencePage(String person, String purpose, String box) {
        String link = world.recipientLinks(world.profile(), "EMAIL", address(person), null, null).get("preferenceCenterUrl").asString();
        RecipientPages.Page page = new RecipientPages("en").open(link);
        assertThat(page.ticked(purpose)).as(purpose).isEqualTo(box.equals("ticked"));
    }

    @Then("the {string} record of {string} names notice {string} with the hash of version {string}")
    public void recordNames(String purpose, String person, String reference, String version) {
        JsonNode records = World.ok(world.api.post(World.BASE + "/consents/lookup", world.marketing(),
                Map.of("channel", "EMAIL", "address", address(person), "profileId", world.profile())));
        JsonNode evidence = records.get("items").get(0).get("evidence");
        assertThat(evidence.get("notice").asString()).isEqualTo(reference);
        assertThat(evidence.get("noticeHash").asString()).isEqualTo(hashOf(version));
    }

    @Then("the receipt of {string} for {string} names notice {string} with the hash of version {string}")
    public void receiptNames(String person, String purpose, String reference, String version) throws Exception {
        JsonNode receipt = World.ok(world.api.post(World.BASE + "/consents/receipt", world.marketing(), Map.of("profileId", world.profile(),
                "channel", "EMAIL", "address", address(person), "purposeId", purpose)));
        assertThat(receipt.at("/claims/notice").asString()).isEqualTo(reference);
        assertThat(receipt.at("/claims/noticeHash").asString()).isEqualTo(hashOf(version));
        String payload = new String(Base64.getUrlDecoder().decode(receipt.get("jws").asString().split("\\.")[1]));
        assertThat(payload).as("the signed claims, not only the clear ones").contains("\"noticeHash\":\"" + hashOf(version) + "\"");
    }

    @Then("the capture is refused with {int} {string}")
    public void captureRefused(int status, String rule) {
        assertThat(refused.status()).as(refused.body()).isEqualTo(status);
        assertThat(refused.body()).contains(rule);
    }

    @Then("{string} has no {string} record")
    public void noRecord(String person, String purpose) {
        JsonNode records = World.ok(world.api.post(World.BASE + "/consents/lookup", world.marketing(),
                Map.of("channel", "EMAIL", "address", address(person), "profileId", world.profile())));
        assertThat(records.get("items")).isEmpty();
    }

    @Then("it counts {int} records and {int} contact points that would stop being sendable")
    public void counts(int evaluated, int stopped) {
        assertThat(dryRun.get("evaluated").asInt()).as(dryRun.toString()).isEqualTo(evaluated);
        assertThat(dryRun.get("contactPointsStopped").asInt()).isEqualTo(stopped);
    }

    @Then("its sample names {}")
    public void sample(String people) {
        Set<String> named = dryRun.get("sample").valueStream().map(line -> line.get("address").asString()).collect(Collectors.toSet());
        assertThat(named).isEqualTo(expected(people));
    }

    @Then("the re-consent export lists exactly {string}")
    public void export(String person) {
        HttpApi.Response answer = world.api.get(World.BASE + "/profiles/" + world.profile() + "/notices/" + NOTICE + "/reconsent",
                world.admin());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/x-ndjson");
        List<JsonNode> lines = answer.body().lines().filter(line -> !line.isBlank()).map(HttpApi.JSON::readTree).toList();
        assertThat(lines).extracting(line -> line.get("address").asString()).containsExactly(address(person));
        assertThat(lines.getFirst().get("notice").asString()).isEqualTo(NOTICE + "@1");
    }

    @Then("the revision is refused with {int} {string}")
    public void revisionRefused(int status, String rule) {
        captureRefused(status, rule);
    }

    @Then("the notice still has version {string} as it was")
    public void unchanged(String version) {
        assertThat(notice().get("versions").get(0)).isEqualTo(firstVersion);
    }

    @Then("{string} on EMAIL counts {int} opted in, {int} superseded, {int} will send and {int} will not send")
    public void reach(String purpose, int optedIn, int superseded, int willSend, int willNotSend) {
        JsonNode report = World.ok(world.api.get(World.BASE + "/reports/reach?profileId=" + world.profile(), world.marketing()));
        JsonNode line = report.get("lines").valueStream().filter(l -> l.get("purposeId").asString().equals(purpose)
                && l.get("channel").asString().equals("EMAIL") && !l.hasNonNull("topicId")).findFirst().orElseThrow();
        assertThat(line.at("/records/optedIn").asInt()).as(line.toString()).isEqualTo(optedIn);
        assertThat(line.get("supersededOptIns").asInt()).isEqualTo(superseded);
        assertThat(line.get("willSend").asInt()).isEqualTo(willSend);
        assertThat(line.get("willNotSend").asInt()).isEqualTo(willNotSend);
    }

    @Then("the access bundle of {string} shows the text of version {string} for {string}")
    public void accessBundle(String person, String version, String purpose) {
        JsonNode bundle = World.ok(world.api.post(World.BASE + "/subject-requests/access", world.auditor(),
                Map.of("contactPoints", List.of(Map.of("channel", "EMAIL", "address", address(person))))));
        JsonNode evidence = bundle.get("cp:consentRecords").valueStream()
                .filter(record -> record.at("/dpv:hasPurpose/cp:profileId").asString().equals(world.profile()))
                .findFirst().orElseThrow().get("cp:events").get(0).get("cp:evidence");
        assertThat(evidence.get("cp:notice").asString()).isEqualTo(NOTICE + "@" + version);
        assertThat(evidence.get("cp:noticeText").asString()).isEqualTo(text(version));
    }

    private HttpApi.Response capture(String person, String purpose, String state, Map<String, String> notice) {
        var capture = new LinkedHashMap<>(World.capture(world.profile(), "EMAIL", address(person), purpose, null, state,
                Instant.now().minusSeconds(60), null));
        if (notice != null) {
            capture.put("notice", notice);
        }
        return world.api.post(World.BASE + "/consents", world.marketing(), capture);
    }

    private void publish(String version, boolean material, Instant effectiveAt) {
        World.ok(revise(profile -> ((ArrayNode) profile.get("notices").get(0).get("versions"))
                .add(HttpApi.JSON.valueToTree(version(version, effectiveAt, material)))));
    }

    private HttpApi.Response revise(Consumer<ObjectNode> change) {
        HttpApi.Response stored = world.api.get(World.BASE + "/profiles/" + world.profile(), world.admin());
        ObjectNode profile = (ObjectNode) World.ok(stored);
        for (String readOnly : List.of("id", "version", "complianceWarnings")) {
            profile.remove(readOnly);
        }
        profile.get("notices").valueStream().flatMap(notice -> notice.get("versions").valueStream())
                .forEach(v -> ((ObjectNode) v).remove("hash"));
        change.accept(profile);
        return world.api.call("PUT", World.BASE + "/profiles/" + world.profile(), world.admin(), "application/json", profile.toString(),
                Map.of("If-Match", "\"" + stored.json().get("version").asInt() + "\""));
    }

    private JsonNode notice() {
        return World.ok(world.api.get(World.BASE + "/profiles/" + world.profile(), world.admin())).get("notices").get(0);
    }

    private String hashOf(String version) {
        return notice().get("versions").valueStream().filter(v -> v.get("version").asString().equals(version))
                .findFirst().orElseThrow().get("hash").asString();
    }

    private static Map<String, Object> version(String version, Instant effectiveAt, boolean material) {
        return Map.of("version", version, "effectiveAt", effectiveAt.toString(), "material", material,
                "texts", Map.of("en", text(version), "fr", "Texte de la version " + version + "."));
    }

    private static String text(String version) {
        return "We send you our news by email (version " + version + ").";
    }

    private Set<String> expected(String people) {
        if (people.equals("nobody")) {
            return Set.of();
        }
        return Arrays.stream(people.split(",")).map(p -> address(p.strip().replace("\"", ""))).collect(Collectors.toCollection(TreeSet::new));
    }

    private String address(String person) {
        return person + "-" + suffix + "@example.com";
    }
}
