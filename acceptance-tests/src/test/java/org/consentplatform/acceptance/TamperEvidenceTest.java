package org.consentplatform.acceptance;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.consentplatform.acceptance.support.RunningService;
import org.consentplatform.acceptance.support.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone with database access edits, deletes or reorders history entries directly in
 * MongoDB; the auditor's verify call names exactly the entry that was touched. Runs in its
 * own tenant, so the damage it does stays out of the other tests' way.
 */
@RunningService
class TamperEvidenceTest {

    private static final String GLOBEX = "/api/v1/tenants/globex";

    @LocalServerPort
    private int port;
    @Autowired
    private MongoClient mongo;
    private World world;
    private String profile;
    private MongoCollection<Document> changes;

    @BeforeEach
    void setUp() {
        world = new World(port);
        profile = World.unique("tamper");
        World.ok(world.api.post(GLOBEX + "/profiles", world.admin(), Map.of("id", profile, "name", "Tamper")));
        changes = mongo.getDatabase("consent").getCollection("consent_changes");
    }

    @Test
    void anEditedEntryIsNamed() {
        List<String> ids = history("edit@example.com", 4);
        changes.updateOne(Filters.eq("_id", ids.get(1)), Updates.set("after.state", "OPTED_IN"));

        JsonNode verification = verify("edit@example.com");

        assertThat(verification.get("intact").asBoolean()).isFalse();
        assertThat(verification.get("breach").asString()).isEqualTo("CONTENT_CHANGED");
        assertThat(verification.get("changeId").asString()).isEqualTo(ids.get(1));
        assertThat(verification.get("seq").asLong()).isEqualTo(2);
        assertTenantVerificationNames(ids.get(1));
    }

    @Test
    void aDeletedEntryIsNamedByItsPosition() {
        List<String> ids = history("delete@example.com", 4);
        changes.deleteOne(Filters.eq("_id", ids.get(2)));

        JsonNode verification = verify("delete@example.com");

        assertThat(verification.get("breach").asString()).isEqualTo("ENTRY_MISSING");
        assertThat(verification.get("seq").asLong()).isEqualTo(3);
    }

    @Test
    void aDeletedLastEntryIsNoticed() {
        List<String> ids = history("truncate@example.com", 3);
        changes.deleteOne(Filters.eq("_id", ids.get(2)));

        JsonNode verification = verify("truncate@example.com");

        assertThat(verification.get("breach").asString()).isEqualTo("ENTRY_MISSING");
        assertThat(verification.get("seq").asLong()).isEqualTo(3);
    }

    @Test
    void swappedEntriesAreNamed() {
        List<String> ids = history("swap@example.com", 4);
        changes.updateOne(Filters.eq("_id", ids.get(1)), Updates.set("seq", -2L));
        changes.updateOne(Filters.eq("_id", ids.get(2)), Updates.set("seq", 2L));
        changes.updateOne(Filters.eq("_id", ids.get(1)), Updates.set("seq", 3L));

        JsonNode verification = verify("swap@example.com");

        assertThat(verification.get("intact").asBoolean()).isFalse();
        assertThat(verification.get("seq").asLong()).isEqualTo(2);
        assertThat(verification.get("changeId").asString()).isEqualTo(ids.get(2));
    }

    @Test
    void anAuditorCannotWriteAnything() {
        String auditor = world.auditor();
        var capture = World.capture(profile, "EMAIL", "audit-write@example.com", "commercial", null, "OPTED_IN", Instant.now(), null);

        assertThat(world.api.post(World.BASE + "/consents", auditor, capture).status()).isEqualTo(403);
        assertThat(world.api.post(World.BASE + "/consents/batch", auditor, Map.of("items", List.of(capture))).status()).isEqualTo(403);
        assertThat(world.api.put(World.BASE + "/contacts/x", auditor, Map.of("entityType", "LEAD")).status()).isEqualTo(403);
        assertThat(world.api.post(World.BASE + "/profiles", auditor, Map.of("id", "nope")).status()).isEqualTo(403);
        assertThat(world.api.put(World.BASE + "/settings", auditor, Map.of()).status()).isEqualTo(403);
    }

    /** Writes {@code count} alternating captures through the API and returns the entries' ids in order. */
    private List<String> history(String address, int count) {
        var ids = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            ids.add(World.ok(world.api.post(GLOBEX + "/consents", world.admin(), World.capture(profile, "EMAIL", address,
                    "commercial", null, i % 2 == 0 ? "OPTED_IN" : "OPTED_OUT", Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i),
                    null))).get("id").asString());
        }
        assertThat(verify(address).get("intact").asBoolean()).isTrue();
        return ids;
    }

    private JsonNode verify(String address) {
        return World.ok(world.api.post(GLOBEX + "/history/record/verify", world.admin(), Map.of("profileId", profile,
                "channel", "EMAIL", "address", address, "purposeId", "commercial")));
    }

    private void assertTenantVerificationNames(String changeId) {
        JsonNode tenant = World.ok(world.api.post(GLOBEX + "/history/verify", world.admin(), Map.of()));
        assertThat(tenant.get("intact").asBoolean()).isFalse();
        var named = new ArrayList<String>();
        tenant.get("breaches").forEach(b -> named.add(b.get("changeId").isNull() ? "" : b.get("changeId").asString()));
        assertThat(named).contains(changeId);
    }
}
