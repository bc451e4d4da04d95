package org.consentplatform.acceptance;

import com.icegreen.greenmail.util.GreenMail;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.bson.Document;
import org.bson.types.Binary;
import org.consentplatform.acceptance.support.EventStream;
import org.consentplatform.acceptance.support.HttpApi;
import org.consentplatform.acceptance.support.Mails;
import org.consentplatform.acceptance.support.World;
import org.consentplatform.adapter.out.mongo.ContactPointKeys;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.contactpoint.SealedAddress;
import org.consentplatform.domain.tenant.TenantId;
import org.consentplatform.embedded.InProcessKafkaBroker;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steps of the data protection officer erasing a person (consent:privacy, the auditor's token),
 * and of what an auditor then checks: in the store itself (the service's own MongoDB client and
 * keys), on the broker, and over the API.
 */
public class ErasureSteps {

    private static final String ERASURE = World.BASE + "/subject-requests/erasure";
    private static final String ERASURES = World.BASE + "/subject-requests/erasures";
    private static final TenantId TENANT = new TenantId(World.TENANT);

    @Autowired
    private MongoClient mongo;
    @Autowired
    private ContactPointKeys keys;
    @Autowired
    private InProcessKafkaBroker kafka;
    @Autowired
    private GreenMail smtp;

    private final World world;
    private final Map<String, String> erasureOf = new HashMap<>();
    private JsonNode erased;
    private String receipt;
    private HttpApi.Response optIn;
    private JsonNode finishedLoad;

    public ErasureSteps(World world) {
        this.world = world;
    }

    @Given("the marketer keeps the receipt of {string} for {string}")
    public void keepsReceipt(String address, String purpose) {
        receipt = World.ok(world.api.post(World.BASE + "/consents/receipt", world.marketing(), Map.of(
                "profileId", world.profile(), "channel", "EMAIL", "address", address, "purposeId", purpose))).get("jws").asString();
    }

    @When("the data protection officer erases {string} under {string}")
    public void erases(String address, String legalReference) {
        HttpApi.Response answer = world.api.post(ERASURE, world.auditor(), Map.of(
                "contactPoints", List.of(email(address)), "legalReference", legalReference, "reference", "DSR-" + address.hashCode()));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.header("Cache-Control")).contains("no-store");
        assertThat(answer.body()).as("the answer names nobody").doesNotContain(address);
        erased = answer.json();
        erasureOf.put(address, erased.get("id").asString());
    }

    @Given("{string} was erased")
    public void wasErased(String address) {
        erases(address, "GDPR Art. 17(1)(a)");
    }

    @Then("the erasure forgot {int} records and deleted {int} contact")
    public void erasureForgot(int records, int contacts) {
        assertThat(erased.get("state").asString()).isEqualTo("DONE");
        assertThat(erased.at("/destroyed/records").asInt()).isEqualTo(records);
        assertThat(erased.at("/destroyed/contacts").asLong()).isEqualTo(contacts);
        assertThat(erased.get("contactPoints")).hasSize(1);
        assertThat(erased.at("/contactPoints/0/pseudonym").asString()).hasSize(43);
    }

    /**
     * Every document of every collection, GridFS chunks included, searched for the address as
     * text; then every ciphertext the change log and the records hold for its pseudonym, tried
     * under the keys the store has now.
     */
    @Then("no document of the store holds {string}, nor anything that still decrypts to it")
    public void nothingHoldsIt(String address) {
        MongoDatabase database = mongo.getDatabase("consent");
        for (String collection : database.listCollectionNames()) {
            for (Document doc : database.getCollection(collection).find()) {
                assertThat(doc.toJson()).as(collection).doesNotContain(address);
                for (Object value : doc.values()) {
                    if (value instanceof Binary binary) {
                        assertThat(new String(binary.getData(), StandardCharsets.ISO_8859_1)).as(collection).doesNotContain(address);
                    }
                }
            }
        }
        ContactPoint contactPoint = new ContactPoint(Channel.EMAIL, address);
        String pseudonym = keys.pseudonym(TENANT, contactPoint);
        var sealed = new ArrayList<SealedAddress>();
        for (String collection : List.of("consent_changes", "consent_records")) {
            for (Document doc : database.getCollection(collection).find(new Document("key.pseudonym", pseudonym))) {
                sealed.add(new SealedAddress(pseudonym, doc.get("key", Document.class).getString("ciphertext")));
            }
        }
        assertThat(sealed).as("the records and entries of the address are still there, by pseudonym").isNotEmpty();
        assertThat(keys.addresses(TENANT, sealed)).as("no ciphertext of it decrypts").isEmpty();
        ContactPoint withheld = ContactPoint.withheld(Channel.EMAIL, pseudonym);
        assertThat(keys.open(TENANT, List.of(withheld))).containsEntry(withheld, withheld);
    }

    @Then("the history of {string} for {string} ends with an ERASURE entry, the record absent")
    public void historyEndsWithErasure(String address, String purpose) {
        JsonNode history = World.ok(world.api.post(World.BASE + "/history/record", world.auditor(), Map.of(
                "profileId", world.profile(), "channel", "EMAIL", "address", address, "purposeId", purpose)));
        JsonNode last = history.get("items").get(history.get("items").size() - 1);
        assertThat(last.get("source").asString()).isEqualTo("ERASURE");
        assertThat(last.get("actor").asString()).isEqualTo("demo-auditor");
        assertThat(last.at("/after/state").asString(null)).as("the record counts as absent").isNull();
        assertThat(last.at("/evidence/reason").asString()).isEqualTo("GDPR Art. 17(1)(b)");
    }

    @Then("the chain of {string} for {string} verifies, its {int} entries intact")
    public void chainVerifies(String address, String purpose, int entries) {
        JsonNode verification = World.ok(world.api.post(World.BASE + "/history/record/verify", world.auditor(), Map.of(
                "profileId", world.profile(), "channel", "EMAIL", "address", address, "purposeId", purpose)));
        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("checked").asLong()).isEqualTo(entries);
    }

    @Then("the receipt kept before the erasure still verifies with the published keys")
    public void receiptStillVerifies() throws Exception {
        HttpApi.Response published = world.api.get("/.well-known/consent-receipt-keys.json", null);
        JWSObject jws = JWSObject.parse(receipt);
        RSAKey key = (RSAKey) JWKSet.parse(published.body()).getKeyByKeyId(jws.getHeader().getKeyID());
        assertThat(jws.verify(new RSASSAVerifier(key))).isTrue();
    }

    @Then("an erasure event for {string} is on consent.erasures.v1, keyed like its changes")
    public void erasureEvent(String address) {
        String id = erasureOf.get(address);
        try (var stream = EventStream.from(kafka.bootstrapServers(), "consent.erasures.v1")) {
            EventStream.Received received = stream.awaitUntil(all -> all.stream().anyMatch(r -> ofErasure(r, id)), Duration.ofSeconds(30))
                    .stream().filter(r -> ofErasure(r, id)).findFirst().orElseThrow();
            assertThat(received.key()).isEqualTo(World.TENANT + "|EMAIL|" + address);
            assertThat(received.event().getType()).isEqualTo("org.consentplatform.privacy.erased.v1");
            JsonNode data = HttpApi.JSON.readTree(received.event().getData().toBytes());
            assertThat(data.get("address").asString()).isEqualTo(address);
            assertThat(data.get("tenant").asString()).isEqualTo(World.TENANT);
            assertThat(data.get("legalReference").asString()).isEqualTo("GDPR Art. 17(1)(b)");
        }
    }

    @Then("the auditor lists the erasure under {string}, done, asked by the client {string}")
    public void auditorListsErasure(String legalReference, String client) {
        JsonNode erasure = listed(erased.get("id").asString());
        assertThat(erasure.get("legalReference").asString()).isEqualTo(legalReference);
        assertThat(erasure.get("state").asString()).isEqualTo("DONE");
        assertThat(erasure.get("requestedBy").asString()).isEqualTo(client);
        assertThat(erasure.get("reference").asString()).startsWith("DSR-");
        assertThat(erasure.at("/destroyed/completedAt").asString()).isNotBlank();
    }

    @Then("these decisions for {string} are taken:")
    public void decisions(String address, DataTable expected) {
        for (Map<String, String> row : expected.asMaps()) {
            JsonNode decision = world.decide(world.profile(), row.get("purpose"), null, "EMAIL", address, null);
            assertThat(decision.get("send").asBoolean()).as(row + " " + decision).isEqualTo(Boolean.parseBoolean(row.get("send")));
            assertThat(decision.get("track").asBoolean()).as(row + " " + decision).isEqualTo(Boolean.parseBoolean(row.get("track")));
            assertThat(decision.get("reasons").valueStream().filter(reason -> !reason.get("permits").asBoolean())
                    .map(reason -> reason.get("code").asString())).as(row + " " + decision).contains(row.get("blocked by"));
        }
    }

    @Given("the consents of {string} and {string} to {string} are loaded")
    public void loaded(String first, String second, String purpose) {
        finishedLoad = load(first, second, purpose);
        assertThat(finishedLoad.get("state").asString()).isEqualTo("COMPLETED");
    }

    @When("the consents of {string} and {string} to {string} are loaded again")
    public void loadedAgain(String first, String second, String purpose) {
        finishedLoad = load(first, second, purpose);
    }

    @Then("the load rejects line {int} as ERASED and counts line {int} as unchanged")
    public void loadRejectsErased(int rejectedLine, int unchangedLine) {
        assertThat(finishedLoad.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(finishedLoad.at("/counts/rejected").asLong()).isEqualTo(1);
        assertThat(finishedLoad.at("/counts/unchanged").asLong()).as("line " + unchangedLine).isEqualTo(1);
        HttpApi.Response report = world.api.get(World.BASE + "/imports/" + finishedLoad.get("id").asString() + "/errors?format=ndjson",
                world.admin());
        List<JsonNode> lines = report.body().lines().map(HttpApi.JSON::readTree).toList();
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.get("line").asLong()).isEqualTo(rejectedLine);
            assertThat(line.get("reason").asString()).startsWith("ERASED");
        });
        assertThat(report.body()).as("the report names nobody").doesNotContain("@erasure.example");
    }

    @When("{string} is opted in to {string} by {}")
    public void optedInBy(String address, String purpose, String who) {
        var capture = new LinkedHashMap<>(World.capture(world.profile(), "EMAIL", address, purpose, null, "OPTED_IN",
                Instant.now().minusSeconds(5), null));
        switch (who) {
            case "the API" -> capture.put("source", "API");
            case "a form" -> {
                capture.put("source", "FORM");
                capture.put("evidence", Map.of("formId", "footer", "wordingVersion", "v4"));
            }
            case "an operator on the phone" -> {
                capture.put("source", "OPERATOR");
                capture.put("evidence", Map.of("reason", "asked on the phone"));
            }
            default -> throw new IllegalArgumentException(who);
        }
        optIn = world.api.post(World.BASE + "/consents", world.marketing(), capture);
    }

    @Then("that opt-in is {}")
    public void thatOptInIs(String answer) {
        if (answer.equals("recorded")) {
            assertThat(optIn.status()).as(optIn.body()).isEqualTo(201);
            return;
        }
        Matcher refused = java.util.regex.Pattern.compile("refused with the rule \"(.+)\"").matcher(answer);
        assertThat(refused.matches()).as(answer).isTrue();
        assertThat(optIn.status()).as(optIn.body()).isEqualTo(422);
        assertThat(optIn.json().get("rule").asString()).isEqualTo(refused.group(1));
    }

    @When("the person confirms with the link in the mail to {string}")
    public void confirmsWithTheLink(String address) {
        Matcher link = Mails.CONFIRMATION_LINK.matcher(Mails.text(Mails.newestTo(smtp, address,
                text -> text.contains("/confirm/") && text.contains("Profile " + world.profile()))));
        assertThat(link.find()).isTrue();
        HttpApi.Response page = world.api.call("POST", link.group(1), null, null, null, Map.of("User-Agent", "Cucumber"));
        assertThat(page.status()).as(page.body()).isEqualTo(200);
    }

    @Then("the auditor sees the erasure of {string} lifted by a {word} change")
    public void liftedBy(String address, String source) {
        JsonNode erasure = listed(erasureOf.get(address));
        assertThat(erasure.get("lifts")).singleElement().satisfies(lift -> {
            assertThat(lift.get("source").asString()).isEqualTo(source);
            assertThat(lift.at("/contactPoint/pseudonym").asString())
                    .isEqualTo(keys.pseudonym(TENANT, new ContactPoint(Channel.EMAIL, address)));
        });
    }

    @Then("these erasure requests are refused:")
    public void refused(DataTable requests) {
        int listedBefore = World.ok(world.api.get(ERASURES + "?limit=1000", world.auditor())).get("items").size();
        for (Map<String, String> row : requests.asMaps()) {
            String token = world.tokenOf(row.get("who"));
            HttpApi.Response answer = world.api.call("POST", ERASURE, token, "application/json", row.get("body"), Map.of());
            assertThat(answer.status()).as(row.get("body") + " → " + answer.body()).isEqualTo(Integer.parseInt(row.get("status")));
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(World.ok(world.api.get(ERASURES + "?limit=1000", world.auditor())).get("items"))
                .as("no erasure was filed").hasSize(listedBefore);
    }

    private JsonNode listed(String erasureId) {
        return World.ok(world.api.get(ERASURES + "?limit=1000", world.auditor())).get("items").valueStream()
                .filter(item -> item.get("id").asString().equals(erasureId)).findFirst()
                .orElseThrow(() -> new AssertionError("erasure " + erasureId + " is not listed"));
    }

    private JsonNode load(String first, String second, String purpose) {
        String csv = "profileId,channel,address,purposeId,state,capturedAt\n"
                + world.profile() + ",EMAIL," + first + "," + purpose + ",OPTED_IN,2026-10-01T00:00:00Z\n"
                + world.profile() + ",EMAIL," + second + "," + purpose + ",OPTED_IN,2026-10-01T00:00:00Z\n";
        return world.load(Map.of("shape", "CONSENT_ROWS", "format", "CSV"), "consents.csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean ofErasure(EventStream.Received received, String erasureId) {
        return received.event() != null && erasureId.equals(received.event().getSubject());
    }

    private static Map<String, String> email(String address) {
        return Map.of("channel", "EMAIL", "address", address);
    }
}
