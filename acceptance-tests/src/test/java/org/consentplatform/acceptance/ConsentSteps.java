package org.consentplatform.acceptance;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.And;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.consentplatform.acceptance.support.HttpApi;
import org.consentplatform.acceptance.support.World;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps for capture, audit, explanations, batches and world.profile() revisions. */
public class ConsentSteps {

    private HttpApi.Response response;
    private HttpApi.Response firstResponse;
    private JsonNode change;
    private String etagA;
    private String etagB;
    private List<Map<String, Object>> batch;

    private final World world;

    public ConsentSteps(World world) {
        this.world = world;
    }

    @Given("a profile {string} with the default purposes")
    public void profile(String id) {
        world.profile(id);
        HttpApi.Response created = world.createProfile(id, null);
        assertThat(created.status()).as(created.body()).isIn(201, 409);
    }

    @Given("{string} opted out of {string} at {string}")
    public void optedOutAt(String address, String purpose, String at) {
        world.capture(world.profile(), "EMAIL", address, purpose, null, "OPTED_OUT", Instant.parse(at));
    }

    @Given("{string} opted in to {string} at {string}")
    public void optedInAt(String address, String purpose, String at) {
        world.capture(world.profile(), "EMAIL", address, purpose, null, "OPTED_IN", Instant.parse(at));
    }

    @When("an import reports that {string} opted in to {string} at {string}")
    public void importReports(String address, String purpose, String at) {
        change = world.capture(world.profile(), "EMAIL", address, purpose, null, "OPTED_IN", Instant.parse(at));
    }

    @Then("the change is recorded as SUPERSEDED")
    public void recordedAsSuperseded() {
        assertThat(change.get("outcome").asString()).isEqualTo("SUPERSEDED");
        assertThat(change.get("requestedState").asString()).isEqualTo("OPTED_IN");
    }

    @Then("the record of {string} for {string} is still OPTED_OUT captured at {string}")
    public void stillOptedOut(String address, String purpose, String at) {
        JsonNode record = lookup("EMAIL", address, purpose);
        assertThat(record.get("state").asString()).isEqualTo("OPTED_OUT");
        assertThat(Instant.parse(record.get("capturedAt").asString())).isEqualTo(Instant.parse(at));
    }

    @Then("the auditor sees {int} changes in the history of that record, the second SUPERSEDED")
    public void auditorSeesHistory(int count) {
        JsonNode history = recordHistory(change.get("address").asString(), change.get("purposeId").asString());
        assertThat(history.get("items")).hasSize(count);
        assertThat(history.get("items").get(1).get("outcome").asString()).isEqualTo("SUPERSEDED");
        assertThat(history.get("items").get(0).get("outcome").asString()).isEqualTo("APPLIED");
    }

    @When("{string} opts in to {string} from form {string} having seen wording {string}")
    public void optsInFromForm(String address, String purpose, String form, String wording) {
        var capture = World.capture(world.profile(), "EMAIL", address, purpose, null, "OPTED_IN", Instant.now(), null);
        capture.put("source", "FORM");
        capture.put("evidence", Map.of("formId", form, "wordingVersion", wording, "clientAddress", "203.0.113.7",
                "userAgent", "Mozilla/5.0"));
        change = World.ok(world.api.post(World.BASE + "/consents", world.marketing(), capture));
    }

    @Then("the auditor sees the change with source FORM, actor {string}, form {string} and wording {string}")
    public void auditorSeesEvidence(String actor, String form, String wording) {
        JsonNode entry = recordHistory(change.get("address").asString(), change.get("purposeId").asString()).get("items").get(0);
        assertThat(entry.get("source").asString()).isEqualTo("FORM");
        assertThat(entry.get("actor").asString()).isEqualTo(actor);
        assertThat(entry.get("evidence").get("formId").asString()).isEqualTo(form);
        assertThat(entry.get("evidence").get("wordingVersion").asString()).isEqualTo(wording);
        assertThat(entry.get("evidence").get("clientAddress").asString()).isEqualTo("203.0.113.7");
        assertThat(entry.get("correlationId").asString()).isNotBlank();
        assertThat(entry.get("after").get("state").asString()).isEqualTo("OPTED_IN");
    }

    @When("{string} on {word} opts in to {string}")
    public void writtenOptsIn(String written, String channel, String purpose) {
        response = world.api.post(World.BASE + "/consents", world.marketing(),
                World.capture(world.profile(), channel, written, purpose, null, "OPTED_IN", Instant.now(), null));
    }

    @Then("the consents of {string} on {word} show {string} opted in to {string}")
    public void consentsShow(String lookup, String channel, String stored, String purpose) {
        World.ok(response);
        JsonNode record = lookup(channel, lookup, purpose);
        assertThat(record.get("address").asString()).isEqualTo(stored);
        assertThat(record.get("state").asString()).isEqualTo("OPTED_IN");
    }

    @Then("the answer is {int} with an error on field {string}")
    public void answerWithFieldError(int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        var fields = new ArrayList<String>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains(field);
    }

    @When("a batch of {int} captures is sent whose second address is {string}")
    public void batchWithBadSecond(int size, String bad) {
        batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            batch.add(World.capture(world.profile(), "EMAIL", i == 1 ? bad : World.unique("batch") + "@example.com", "commercial", null,
                    "OPTED_IN", Instant.now(), "v1"));
        }
        response = world.api.post(World.BASE + "/consents/batch", world.marketing(), Map.of("items", batch));
    }

    @Then("none of the batch's addresses has a consent")
    public void noneStored() {
        for (Map<String, Object> capture : batch) {
            String address = (String) capture.get("address");
            if (address.endsWith("example.com")) {
                JsonNode records = World.ok(world.api.post(World.BASE + "/consents/lookup", world.marketing(),
                        Map.of("channel", "EMAIL", "address", address)));
                assertThat(records.get("items")).as(address).isEmpty();
            }
        }
    }

    @When("the batch is sent again with the second address corrected")
    public void batchCorrected() {
        batch.get(1).put("address", World.unique("fixed") + "@example.com");
        response = world.api.post(World.BASE + "/consents/batch", world.marketing(), Map.of("items", batch));
    }

    @Then("the answer lists {int} applied changes")
    public void answerListsApplied(int count) {
        JsonNode items = World.ok(response).get("items");
        assertThat(items).hasSize(count);
        items.forEach(item -> assertThat(item.get("outcome").asString()).isEqualTo("APPLIED"));
    }

    @Given("a CONTACT {string} with doNotBulkEmail set and the email {string}")
    public void contactWithBulkFlag(String id, String address) {
        world.contact(id, "CONTACT", Map.of("doNotBulkEmail", true), List.of(address));
    }

    @When("the marketer asks why a commercial email to {string} was blocked")
    public void askWhy(String contactId) {
        response = world.api.post(World.BASE + "/decisions/explanation", world.marketing(),
                World.decision(world.profile(), "commercial", null, "EMAIL", contactId + "@example.com", contactId));
    }

    @Then("the explanation says the message is blocked by the contact flag {string}")
    public void explanationNamesFlag(String flag) {
        JsonNode explanation = World.ok(response);
        assertThat(explanation.get("send").asBoolean()).isFalse();
        assertThat(explanation.get("contactLevelConsentChecked").asBoolean()).isTrue();
        var blocking = new ArrayList<JsonNode>();
        explanation.get("reasons").forEach(r -> {
            if (r.get("aspect").asString().equals("MESSAGE") && !r.get("permits").asBoolean()) {
                blocking.add(r);
            }
        });
        assertThat(blocking).singleElement().satisfies(r -> {
            assertThat(r.get("code").asString()).isEqualTo("CONTACT_FLAG");
            assertThat(r.get("flag").asString()).isEqualTo(flag);
            assertThat(r.get("explanation").asString()).contains(flag);
        });
        assertThat(explanation.get("contact").get("flags").get(flag).asBoolean()).isTrue();
    }

    @Then("it lists the record of {string} as OPTED_IN and the tracking record as absent")
    public void explanationListsRecords(String purpose) {
        Map<String, JsonNode> records = new LinkedHashMap<>();
        response.json().get("records").forEach(r -> records.put(r.get("purposeId").asString(), r.get("current")));
        assertThat(records.get(purpose).get("state").asString()).isEqualTo("OPTED_IN");
        assertThat(records.get("tracking").isNull()).isTrue();
    }

    @When("a batch of decision lines is streamed:")
    public void streamDecisions(DataTable table) {
        String body = String.join("\n", table.asMaps().stream().map(row -> row.get("line")).toList()) + "\n";
        response = world.api.call("POST", World.BASE + "/decisions/batch", world.marketing(), "application/x-ndjson", body, Map.of());
    }

    @Then("the answers are:")
    public void answersAre(DataTable table) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> lines = response.body().lines().map(HttpApi.JSON::readTree).toList();
        List<Map<String, String>> expected = table.asMaps();
        assertThat(lines).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Map<String, String> row = expected.get(i);
            JsonNode line = lines.get(i);
            assertThat(line.get("line").asLong()).isEqualTo(Long.parseLong(row.get("line")));
            if (row.get("send") != null) {
                assertThat(line.get("send").asBoolean()).as(line.toString()).isEqualTo(Boolean.parseBoolean(row.get("send")));
            } else {
                assertThat(line.get("problem").get("type").asString()).as(line.toString()).isEqualTo(row.get("problem"));
            }
        }
    }

    @When("admin A reads it and admin B reads it")
    public void bothRead() {
        etagA = world.api.get(World.BASE + "/profiles/" + world.profile(), world.admin()).header("ETag");
        etagB = world.api.get(World.BASE + "/profiles/" + world.profile(), world.admin()).header("ETag");
        assertThat(etagA).isEqualTo("\"1\"");
    }

    @When("admin A renames it {string} with the ETag read")
    public void adminARenames(String name) {
        response = rename(name, etagA);
        World.ok(response);
        assertThat(response.header("ETag")).isEqualTo("\"2\"");
    }

    @When("admin B renames it {string} with the ETag read")
    public void adminBRenames(String name) {
        response = rename(name, etagB);
    }

    @Then("admin B is answered {int}")
    public void adminBAnswered(int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
    }

    @Then("the profile is named {string} at version {int}")
    public void profileNamed(String name, int version) {
        JsonNode stored = World.ok(world.api.get(World.BASE + "/profiles/" + world.profile(), world.admin()));
        assertThat(stored.get("name").asString()).isEqualTo(name);
        assertThat(stored.get("version").asInt()).isEqualTo(version);
    }

    @When("the admin renames it without If-Match")
    public void renameWithoutIfMatch() {
        response = rename("Nameless", null);
    }

    @Then("the answer is {int}")
    public void answerIs(int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @When("the admin requires double opt-in on the SMS default consent")
    public void doiOnSms() {
        JsonNode stored = World.ok(world.api.get(World.BASE + "/profiles/" + world.profile(), world.admin()));
        var consents = new ArrayList<Map<String, Object>>();
        stored.get("defaultConsents").forEach(c -> consents.add(Map.of("channel", c.get("channel").asString(),
                "purposeId", c.get("purposeId").asString(), "wording", c.get("wording").asString(),
                "wordingVersion", "2", "doubleOptIn", c.get("channel").asString().equals("SMS"))));
        var revision = new LinkedHashMap<String, Object>();
        revision.put("name", stored.get("name").asString());
        revision.put("purposes", HttpApi.JSON.convertValue(stored.get("purposes"), List.class));
        revision.put("defaultConsents", consents);
        response = world.api.call("PUT", World.BASE + "/profiles/" + world.profile(), world.admin(), "application/json",
                HttpApi.json(revision), Map.of("If-Match", "\"" + stored.get("version").asInt() + "\""));
    }

    @Then("the answer is {int} with the rule {string}")
    public void answerWithRule(int status, String rule) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("rule").asString()).isEqualTo(rule);
    }

    @When("the same capture is sent twice with Idempotency-Key {string}")
    public void sameCaptureTwice(String key) {
        String body = HttpApi.json(World.capture(world.profile(), "EMAIL", World.unique("idem") + "@example.com", "commercial", null,
                "OPTED_IN", Instant.parse("2026-11-01T00:00:00Z"), "v1"));
        firstResponse = world.api.call("POST", World.BASE + "/consents", world.marketing(), "application/json", body,
                Map.of("Idempotency-Key", key));
        response = world.api.call("POST", World.BASE + "/consents", world.marketing(), "application/json", body,
                Map.of("Idempotency-Key", key));
    }

    @Then("both answers are the same change and the second is marked as replayed")
    public void sameChange() {
        assertThat(firstResponse.status()).isEqualTo(201);
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("id").asString()).isEqualTo(firstResponse.json().get("id").asString());
        assertThat(response.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(firstResponse.header("Idempotent-Replayed")).isNull();
        change = firstResponse.json();
    }

    @Then("the history of that record holds {int} change")
    public void historyHolds(int count) {
        assertThat(recordHistory(change.get("address").asString(), "commercial").get("items")).hasSize(count);
    }

    @When("another capture is sent with Idempotency-Key {string}")
    public void anotherCapture(String key) {
        response = world.api.call("POST", World.BASE + "/consents", world.marketing(), "application/json",
                HttpApi.json(World.capture(world.profile(), "EMAIL", World.unique("other") + "@example.com", "commercial", null,
                        "OPTED_OUT", Instant.now(), null)), Map.of("Idempotency-Key", key));
    }

    private HttpApi.Response rename(String name, String etag) {
        JsonNode stored = World.ok(world.api.get(World.BASE + "/profiles/" + world.profile(), world.admin()));
        var revision = new LinkedHashMap<String, Object>();
        revision.put("name", name);
        revision.put("purposes", HttpApi.JSON.convertValue(stored.get("purposes"), List.class));
        return world.api.call("PUT", World.BASE + "/profiles/" + world.profile(), world.admin(), "application/json",
                HttpApi.json(revision), etag == null ? Map.of() : Map.of("If-Match", etag));
    }

    private JsonNode lookup(String channel, String address, String purpose) {
        JsonNode records = World.ok(world.api.post(World.BASE + "/consents/lookup", world.marketing(),
                Map.of("channel", channel, "address", address, "profileId", world.profile())));
        for (JsonNode record : records.get("items")) {
            if (record.get("purposeId").asString().equals(purpose) && record.get("topicId").isNull()) {
                return record;
            }
        }
        throw new AssertionError("no record for " + purpose + " in " + records);
    }

    private JsonNode recordHistory(String address, String purpose) {
        var query = new LinkedHashMap<String, Object>();
        query.put("profileId", world.profile());
        query.put("channel", "EMAIL");
        query.put("address", address);
        query.put("purposeId", purpose);
        return World.ok(world.api.post(World.BASE + "/history/record", world.auditor(), query));
    }
}
