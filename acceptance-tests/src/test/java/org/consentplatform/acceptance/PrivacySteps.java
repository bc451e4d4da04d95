package org.consentplatform.acceptance;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.consentplatform.acceptance.support.HttpApi;
import org.consentplatform.acceptance.support.World;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps of the data protection officer, run with the auditor's token (consent:privacy). */
public class PrivacySteps {

    private static final String ACCESS = World.BASE + "/subject-requests/access";
    /** The shape docs/privacy.md documents; the tests run from the acceptance-tests folder. */
    private static final Path SCHEMA = Path.of("..", "docs", "privacy", "subject-access.schema.json");

    private final World world;
    private JsonNode bundle;
    private String pdfText;

    public PrivacySteps(World world) {
        this.world = world;
    }

    @Given("a CONTACT {string} with the emails {string} and {string}")
    public void contactWithEmails(String id, String first, String second) {
        world.contact(id, "CONTACT", Map.of(), List.of(first, second));
    }

    @When("the auditor asks what is held about {string}")
    public void asksAboutContactPoint(String address) {
        bundle = answered(world.api.post(ACCESS, world.auditor(), Map.of("contactPoints", List.of(email(address)))));
    }

    @When("the auditor asks what is held about the contact {string}")
    public void asksAboutContact(String contactId) {
        bundle = answered(world.api.post(ACCESS, world.auditor(), Map.of("contactId", contactId)));
    }

    @When("the auditor asks for the PDF, in {string}, of what is held about {string}")
    public void asksForPdf(String language, String address) throws IOException {
        byte[] pdf = world.api.postForBytes(ACCESS, world.auditor(),
                Map.of("contactPoints", List.of(email(address)), "language", language), "application/pdf");
        try (var document = Loader.loadPDF(pdf)) {
            pdfText = new PDFTextStripper().getText(document);
        }
    }

    @Then("the bundle validates against the schema docs\\/privacy documents")
    public void validates() throws IOException {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(SCHEMA), InputFormat.JSON);
        assertThat(schema.validate(bundle)).as(bundle.toString()).isEmpty();
        assertThat(bundle.get("@context").get("dpv").asString()).isEqualTo("https://w3id.org/dpv#");
    }

    @Then("a JSON-LD processor expands it to DPV's IRIs, every term defined by its context")
    public void expands() throws JsonLdError {
        String expanded = JsonLd.expand(JsonDocument.of(new StringReader(bundle.toString()))).get().toString();
        assertThat(expanded).contains("\"https://w3id.org/dpv#hasConsentStatus\":[{\"@id\":\"https://w3id.org/dpv#Consent")
                .contains("\"https://consentplatform.org/ns/v1#consentRecords\"");
        assertThat(expanded).as("a compact name left over is a term the context does not define")
                .doesNotContain("\"dpv:", "\"cp:", "\"dct:");
    }

    @Then("it names the contact points {string}")
    public void namesContactPoints(String addresses) {
        var named = new ArrayList<String>();
        bundle.get("dpv:hasDataSubject").get("cp:contactPoints").forEach(point -> named.add(point.get("cp:address").asString()));
        assertThat(named).containsExactly(addresses.split(", "));
    }

    @Then("it names {string} as erased under {string}")
    public void namesErased(String address, String ground) {
        JsonNode point = bundle.get("dpv:hasDataSubject").get("cp:contactPoints").valueStream()
                .filter(p -> address.equals(p.path("cp:address").asString(null))).findFirst().orElseThrow();
        assertThat(point.get("cp:erasureGround").asString()).isEqualTo(ground);
        assertThat(point.get("cp:erasedAt").asString()).isNotBlank();
        bundle.get("cp:consentRecords").forEach(record -> assertThat(record.has("cp:receipt"))
                .as("a forgotten consent has nothing to attest").isFalse());
    }

    @Then("it names {string} as a minor's, born {int} years ago")
    public void namesMinor(String address, int years) {
        JsonNode point = bundle.get("dpv:hasDataSubject").get("cp:contactPoints").valueStream()
                .filter(p -> address.equals(p.path("cp:address").asString(null))).findFirst().orElseThrow();
        assertThat(point.get("cp:minor").asBoolean()).isTrue();
        assertThat(point.get("cp:birthDate").asString()).isEqualTo(LocalDate.now(ZoneOffset.UTC).minusYears(years).toString());
    }

    @Then("the PDF reads that {string} is a minor's, born {int} years ago")
    public void pdfNamesMinor(String address, int years) {
        assertThat(pdfText.replaceAll("\\s+", " "))
                .contains("EMAIL " + address + " — flagged as a minor, born " + LocalDate.now(ZoneOffset.UTC).minusYears(years));
    }

    @Then("it discloses these records:")
    public void disclosesRecords(DataTable expected) {
        var disclosed = new ArrayList<Map<String, String>>();
        bundle.get("cp:consentRecords").forEach(record -> disclosed.add(Map.of(
                "address", record.get("cp:contactPoint").get("cp:address").asString(),
                "purpose", record.get("dpv:hasPurpose").get("cp:purposeId").asString(),
                "status", record.get("dpv:hasConsentStatus").get("@id").asString(),
                "legalBasis", record.get("dpv:hasLegalBasis").get("@id").asString(),
                "entries", Integer.toString(record.get("cp:events").size()))));
        assertThat(disclosed).containsExactlyInAnyOrderElementsOf(expected.asMaps());
    }

    @Then("its history of {string} for {string} is the auditor's, entry for entry")
    public void historyIsTheAuditors(String address, String purpose) {
        JsonNode audited = World.ok(world.api.post(World.BASE + "/history/record", world.auditor(), Map.of(
                "profileId", world.profile(), "channel", "EMAIL", "address", address, "purposeId", purpose)));
        var auditedEntries = new ArrayList<String>();
        audited.get("items").forEach(entry -> auditedEntries.add(entry.get("seq").asLong() + " " + entry.get("id").asString()));
        var disclosedEntries = new ArrayList<String>();
        record(address, purpose).get("cp:events").forEach(event -> {
            String iri = event.get("@id").asString();
            disclosedEntries.add(event.get("cp:seq").asLong() + " " + iri.substring(iri.lastIndexOf(':') + 1));
            assertThat(event.get("cp:hash").asString()).hasSize(64);
            assertThat(event.has("cp:evidence")).isTrue();
        });
        assertThat(disclosedEntries).isNotEmpty().isEqualTo(auditedEntries);
    }

    @Then("the receipt it carries for {string} verifies with the published keys and attests {word}")
    public void receiptVerifies(String purpose, String state) throws Exception {
        JsonNode receipt = bundle.get("cp:consentRecords").valueStream()
                .filter(record -> record.get("dpv:hasPurpose").get("cp:purposeId").asString().equals(purpose))
                .findFirst().orElseThrow().get("cp:receipt");
        HttpApi.Response keys = world.api.get(receipt.get("cp:verificationKeys").asString(), null);
        JWSObject jws = JWSObject.parse(receipt.get("cp:jws").asString());
        RSAKey key = (RSAKey) JWKSet.parse(keys.body()).getKeyByKeyId(jws.getHeader().getKeyID());
        assertThat(jws.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(HttpApi.JSON.readTree(jws.getPayload().toString()).get("state").asString()).isEqualTo(state);
    }

    @Then("it carries no receipt for {string}")
    public void noReceipt(String purpose) {
        bundle.get("cp:consentRecords").forEach(record -> {
            if (record.get("dpv:hasPurpose").get("cp:purposeId").asString().equals(purpose)) {
                assertThat(record.has("cp:receipt")).as(record.toString()).isFalse();
            }
        });
    }

    @Then("it lists the confirmation mail sent to {string} for {string}, not confirmed")
    public void listsConfirmation(String address, String purpose) {
        JsonNode requests = bundle.get("cp:confirmationRequests");
        assertThat(requests.size()).isEqualTo(1);
        JsonNode request = requests.get(0);
        assertThat(request.get("cp:contactPoint").get("cp:address").asString()).isEqualTo(address);
        assertThat(request.get("cp:purposeId").asString()).isEqualTo(purpose);
        assertThat(request.has("cp:confirmedAt")).isFalse();
    }

    @Then("the PDF reads {string}")
    public void pdfReads(String text) {
        assertThat(pdfText.replaceAll("\\s+", " ")).contains(text);
    }

    @Then("these access requests are refused, and none is answered with data:")
    public void refused(DataTable requests) {
        for (Map<String, String> row : requests.asMaps()) {
            String token = world.tokenOf(row.get("who"));
            HttpApi.Response answer = world.api.call("POST", ACCESS, token, "application/json", row.get("body"), Map.of());
            assertThat(answer.status()).as(row.get("body") + " → " + answer.body()).isEqualTo(Integer.parseInt(row.get("status")));
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.body()).doesNotContain("cp:consentRecords");
        }
    }

    private JsonNode record(String address, String purpose) {
        return bundle.get("cp:consentRecords").valueStream()
                .filter(record -> record.get("cp:contactPoint").get("cp:address").asString().equals(address)
                        && record.get("dpv:hasPurpose").get("cp:purposeId").asString().equals(purpose))
                .findFirst().orElseThrow(() -> new AssertionError("no record of " + address + " for " + purpose + " in " + bundle));
    }

    private static JsonNode answered(HttpApi.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/ld+json");
        assertThat(response.header("Cache-Control")).contains("no-store");
        return response.json();
    }

    private static Map<String, String> email(String address) {
        return Map.of("channel", "EMAIL", "address", address);
    }
}
