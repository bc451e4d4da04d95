package org.consentplatform.acceptance.fuzz;

import org.awaitility.Awaitility;
import org.consentplatform.acceptance.support.HttpApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A tenant with data for generated requests to hit, and the values of it that fields known by name take. */
final class SeededTenant {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SeededTenant() {
    }

    /** A tenant with something to spoil: settings, a profile, a contact, a consent, a minor's flag and a finished load. */
    static String seed(HttpApi api, String token, String tenant) {
        String base = "/api/v1/tenants/" + tenant;
        ok(api.call("PUT", base + "/settings", token, "application/json", "{\"checkContactLevelConsent\":true,"
                + "\"lowercaseWholeEmail\":true,\"defaultPhoneRegion\":\"FR\",\"customChannels\":[]}", Map.of()));
        // its default commercial purpose is worded by a notice, so that the notice operations reach past the 404
        ok(api.post(base + "/profiles", token, Map.of("id", "fuzz", "name", "Fuzz", "companyAddress", "1 rue de la Paix, Paris",
                "notices", List.of(Map.of("id", "fuzz-wording", "purposeId", "commercial", "versions", List.of(Map.of("version", "1",
                        "effectiveAt", "2026-01-01T00:00:00Z", "material", false, "texts", Map.of("en", "Our news."))))))));
        ok(api.put(base + "/contacts/c-fuzz", token, Map.of("entityType", "CONTACT", "flags", Map.of("doNotEmail", false),
                "contactPoints", List.of(Map.of("channel", "EMAIL", "address", "ann@example.com")))));
        ok(api.post(base + "/consents", token, Map.of("profileId", "fuzz", "channel", "EMAIL", "address", "ann@example.com",
                "purposeId", "commercial", "state", "OPTED_IN", "capturedAt", "2026-11-01T00:00:00Z")));
        ok(api.put(base + "/contact-points/minor", token, Map.of("channel", "EMAIL", "address", "zoe@example.com", "minor", true)));
        String row = "{\"profileId\":\"fuzz\",\"channel\":\"EMAIL\",\"address\":\"bob@example.com\",\"purposeId\":\"commercial\","
                + "\"state\":\"OPTED_OUT\",\"capturedAt\":\"2026-11-01T00:00:00Z\"}\nnot json\n";
        String id = ok(api.upload(base + "/imports", token, "job", Map.of("shape", "CONSENT_ROWS", "format", "NDJSON"), "file",
                "rows.ndjson", row.getBytes(StandardCharsets.UTF_8))).get("id").asString();
        Awaitility.await("the seeded load").atMost(Duration.ofSeconds(30))
                .until(() -> ok(api.get(base + "/imports/" + id, token)).get("state").asString(), "COMPLETED"::equals);
        return id;
    }

    /** Values of the seeded tenant for fields known by name; the rest is made up from the schema. */
    static Map<String, JsonNode> known() {
        return Map.ofEntries(Map.entry("profileId", NODES.stringNode("fuzz")), Map.entry("channel", NODES.stringNode("EMAIL")),
                Map.entry("address", NODES.stringNode("ann@example.com")), Map.entry("purposeId", NODES.stringNode("commercial")),
                Map.entry("topicId", NODES.nullNode()), Map.entry("contactId", NODES.stringNode("c-fuzz")),
                Map.entry("state", NODES.stringNode("OPTED_IN")), Map.entry("source", NODES.stringNode("API")),
                Map.entry("from", NODES.stringNode("2026-01-01T00:00:00Z")), Map.entry("to", NODES.stringNode("2027-01-01T00:00:00Z")),
                Map.entry("locale", NODES.stringNode("fr-FR")), Map.entry("defaultPhoneRegion", NODES.stringNode("FR")),
                Map.entry("validFor", NODES.stringNode("P30D")), Map.entry("id", NODES.stringNode("fuzz-new")),
                Map.entry("minor", NODES.booleanNode(true)), Map.entry("ageOfDigitalConsent", NODES.numberNode(16)));
    }

    static JsonNode ok(HttpApi.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
        return response.json();
    }
}
