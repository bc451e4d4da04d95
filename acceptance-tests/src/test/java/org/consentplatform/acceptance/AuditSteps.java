package org.consentplatform.acceptance;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.consentplatform.acceptance.support.HttpApi;
import org.consentplatform.acceptance.support.TestKeys;
import org.consentplatform.acceptance.support.Tokens;
import org.consentplatform.acceptance.support.World;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps of the auditor: as-of reads and verification of the hash chains, with an auditor token. */
public class AuditSteps {

    private static final String PROFILE = "audit";

    private final Map<String, Instant> moments = new HashMap<>();
    private List<JsonNode> found;
    private HttpApi.Response exported;
    private JsonNode receipt;
    private Map<String, Object> receiptFor;
    private JWKSet publishedKeys;
    private String serviceAccount;

    private final World world;

    public AuditSteps(World world) {
        this.world = world;
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
        JsonNode verification = World.ok(world.api.post(World.BASE + "/history/record/verify", world.auditor(),
                record(address, purpose)));
        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("checked").asLong()).isEqualTo(entries);
        assertThat(verification.get("breach").isNull()).isTrue();
    }

    @Then("the auditor's verification of the whole tenant finds nothing broken")
    public void tenantIntact() {
        JsonNode verification = World.ok(world.api.post(World.BASE + "/history/verify", world.auditor(), Map.of()));
        assertThat(verification.get("breaches")).as(verification.toString()).isEmpty();
        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("records").asLong()).isPositive();
    }

    @When("the auditor searches the history since {string} for purpose {string}, {int} entries a page")
    public void searchByPurpose(String moment, String purpose, int pageSize) {
        var filter = new LinkedHashMap<String, Object>();
        filter.put("from", moments.get(moment).toString());
        filter.put("profileId", PROFILE);
        filter.put("purposeId", purpose);
        found = allPages(filter, pageSize);
    }

    @When("the auditor searches the history since {string} for source {word}")
    public void searchBySource(String moment, String source) {
        var filter = new LinkedHashMap<String, Object>();
        filter.put("from", moments.get(moment).toString());
        filter.put("source", source);
        found = allPages(filter, 100);
    }

    @Given("a service account of the client {string}, whose subject is an opaque id, opts {string} in to {string}")
    public void serviceAccountOptsIn(String client, String address, String purpose) {
        serviceAccount = UUID.randomUUID().toString();
        // as Keycloak mints it: the subject is the service account's user id, the client is in azp
        String token = Tokens.sign(Tokens.valid(List.of(World.TENANT), Tokens.ALL_SCOPES).subject(serviceAccount)
                .claim("azp", client).build(), TestKeys.ISSUER);
        JsonNode change = World.ok(world.api.post(World.BASE + "/consents", token,
                World.capture(PROFILE, "EMAIL", address, purpose, null, "OPTED_IN", Instant.parse("2026-11-01T09:00:00Z"), null)));
        assertThat(change.get("actor").asString()).isEqualTo(serviceAccount);
    }

    @When("the auditor searches the history since {string} for client {string}")
    public void searchByClient(String moment, String client) {
        found = allPages(Map.of("from", moments.get(moment).toString(), "client", client), 100);
    }

    @Then("each entry found names the client {string} beside the service account's subject")
    public void entriesNameTheClient(String client) {
        assertThat(found).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.get("actorClient").asString()).isEqualTo(client);
            assertThat(entry.get("actor").asString()).isEqualTo(serviceAccount);
        });
    }

    @Then("the pages hold {int} entries in recorded order: {string}")
    public void pagesHoldOne(int count, String address) {
        pagesHold(count, List.of(address));
    }

    @Then("the pages hold {int} entries in recorded order: {string}, {string}, {string}")
    public void pagesHoldThree(int count, String first, String second, String third) {
        pagesHold(count, List.of(first, second, third));
    }

    private void pagesHold(int count, List<String> addresses) {
        assertThat(found).hasSize(count);
        assertThat(found.stream().map(e -> e.get("address").asString()).toList()).isEqualTo(addresses);
        for (int i = 1; i < found.size(); i++) {
            assertThat(Instant.parse(found.get(i).get("recordedAt").asString()))
                    .isAfterOrEqualTo(Instant.parse(found.get(i - 1).get("recordedAt").asString()));
        }
    }

    private List<JsonNode> allPages(Map<String, Object> filter, int pageSize) {
        var entries = new ArrayList<JsonNode>();
        String cursor = null;
        do {
            JsonNode page = World.ok(world.api.post(World.BASE + "/history/search?limit=" + pageSize
                    + (cursor == null ? "" : "&cursor=" + cursor), world.auditor(), filter));
            page.get("items").forEach(entries::add);
            assertThat(page.get("items").size()).isLessThanOrEqualTo(pageSize);
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        return entries;
    }

    @When("the auditor exports the history since {string}")
    public void export(String moment) {
        exported = world.api.call("POST", World.BASE + "/history/export", world.auditor(), "application/json",
                HttpApi.json(Map.of("from", moments.get(moment).toString(), "profileId", PROFILE)), Map.of());
    }

    @Then("the export holds {int} lines, each an entry with its before, after, actor, source and correlation id")
    public void exportHolds(int lines) {
        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.header("Content-Type")).startsWith("application/x-ndjson");
        List<JsonNode> entries = exported.body().lines().map(HttpApi.JSON::readTree).toList();
        assertThat(entries).hasSize(lines);
        entries.forEach(entry -> {
            assertThat(entry.has("before")).isTrue();
            assertThat(entry.get("after").get("state").asString()).isNotBlank();
            assertThat(entry.get("actor").asString()).isEqualTo("demo-marketing");
            assertThat(entry.get("source").asString()).isEqualTo("API");
            assertThat(entry.get("correlationId").asString()).isNotBlank();
        });
    }

    @Then("each exported line carries its purpose's legal basis:")
    public void exportCarriesLegalBasis(DataTable expected) {
        List<Map<String, String>> lines = exported.body().lines().map(HttpApi.JSON::readTree)
                .map(entry -> Map.of("purpose", entry.get("purposeId").asString(), "legalBasis", entry.get("legalBasis").asString()))
                .toList();
        assertThat(lines).containsExactlyElementsOf(expected.asMaps());
    }

    @When("the marketer asks for the receipt of {string} for {string}")
    public void askReceipt(String address, String purpose) {
        receipt = World.ok(world.api.post(World.BASE + "/consents/receipt", world.marketing(), record(address, purpose)));
        receiptFor = record(address, purpose);
    }

    @Then("the receipt's signature verifies with the keys published at {string}")
    public void receiptVerifies(String keysPath) throws Exception {
        HttpApi.Response keys = world.api.get(keysPath, null);
        assertThat(keys.status()).isEqualTo(200);
        publishedKeys = JWKSet.parse(keys.body());
        JWSObject jws = JWSObject.parse(receipt.get("jws").asString());
        assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        RSAKey key = (RSAKey) publishedKeys.getKeyByKeyId(jws.getHeader().getKeyID());
        assertThat(key.isPrivate()).as("only the public half is published").isFalse();
        assertThat(jws.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(HttpApi.JSON.readTree(jws.getPayload().toString())).isEqualTo(receipt.get("claims"));
    }

    @Then("the receipt names the controller {string}, the subject {string}, the purpose {string}, the state {word}, the source {word} and the wording {string}")
    public void receiptNames(String controller, String subject, String purpose, String state, String source, String wording) {
        JsonNode claims = receipt.get("claims");
        assertThat(claims.get("piiControllers").get(0).get("piiController").asString()).isEqualTo(controller);
        assertThat(claims.get("piiPrincipalId").asString()).isEqualTo(subject);
        assertThat(claims.get("services").get(0).get("purposes").get(0).get("purpose").asString()).isEqualTo(purpose);
        assertThat(claims.get("services").get(0).get("purposes").get(0).get("legalBasis").asString()).isEqualTo("CONSENT");
        assertThat(claims.get("state").asString()).isEqualTo(state);
        assertThat(claims.get("collectionMethod").asString()).isEqualTo(source);
        assertThat(claims.get("wordingVersion").asString()).isEqualTo(wording);
    }

    @Then("the receipt points at the history entry that set the state")
    public void receiptPointsAtEntry() {
        JsonNode history = World.ok(world.api.post(World.BASE + "/history/record", world.auditor(), receiptFor));
        JsonNode last = history.get("items").get(history.get("items").size() - 1);
        assertThat(receipt.get("claims").get("changeId").asString()).isEqualTo(last.get("id").asString());
        assertThat(receipt.get("claims").get("changeSeq").asLong()).isEqualTo(last.get("seq").asLong());
    }

    @Then("a receipt whose claims were altered does not verify")
    public void alteredReceipt() throws Exception {
        String[] parts = receipt.get("jws").asString().split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("OPTED_IN", "OPTED_OUT")
                        .getBytes(StandardCharsets.UTF_8));
        JWSObject jws = JWSObject.parse(parts[0] + "." + forged + "." + parts[2]);
        assertThat(jws.verify(new RSASSAVerifier((RSAKey) publishedKeys.getKeyByKeyId(jws.getHeader().getKeyID())))).isFalse();
    }

    @Then("there is no receipt for {string}")
    public void noReceipt(String address) {
        HttpApi.Response response = world.api.post(World.BASE + "/consents/receipt", world.marketing(), record(address, "commercial"));
        assertThat(response.status()).isEqualTo(404);
    }

    private JsonNode asOf(Instant at, String address, String purpose) {
        return World.ok(world.api.post(World.BASE + "/history/record/as-of?at=" + at, world.auditor(), record(address, purpose)));
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
