package org.consentplatform.acceptance;

import org.consentplatform.acceptance.support.RunningService;
import org.consentplatform.acceptance.support.World;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenant's key-encryption key rotated while the service runs (ADR 40): addresses sealed
 * before and after read back alike, the history still verifies, decisions do not move.
 */
@RunningService
class KeyRotationTest {

    @LocalServerPort
    private int port;

    @Test
    void aRotationAddsAKeyAndEveryAddressSealedBeforeOrAfterStillReadsBack() {
        var world = new World(port);
        String profile = World.unique("keys");
        World.ok(world.createProfile(profile, null));
        String before = World.unique("before") + "@keys.example";
        String after = World.unique("after") + "@keys.example";
        world.capture(profile, "EMAIL", before, "commercial", null, "OPTED_IN", Instant.now().minusSeconds(10));
        JsonNode described = World.ok(world.api.get(World.BASE + "/keys", world.admin()));

        JsonNode rotated = World.ok(world.api.post(World.BASE + "/keys/rotation", world.admin(), Map.of()));
        world.capture(profile, "EMAIL", after, "commercial", null, "OPTED_OUT", Instant.now().minusSeconds(5));

        assertThat(rotated.get("keys").asInt()).isEqualTo(described.get("keys").asInt() + 1);
        assertThat(rotated.get("rotations").asLong()).isEqualTo(described.get("rotations").asLong() + 1);
        assertThat(rotated.get("primaryKeyId").asLong()).isNotEqualTo(described.get("primaryKeyId").asLong());
        assertThat(rotated.get("rotatedAt").asString()).isNotBlank();
        assertThat(rotated.toString()).as("no key material").doesNotContain("value").doesNotContain("keyData");
        JsonNode history = World.ok(world.api.post(World.BASE + "/history/search", world.auditor(), Map.of("profileId", profile)));
        var addresses = new ArrayList<String>();
        history.get("items").forEach(entry -> addresses.add(entry.get("address").asString()));
        assertThat(addresses).as("decrypted under the old key and the new").containsExactlyInAnyOrder(before, after);
        assertThat(World.ok(world.api.post(World.BASE + "/history/verify", world.auditor(), Map.of())).get("intact").asBoolean())
                .isTrue();
        assertThat(world.decide(profile, "commercial", null, "EMAIL", before, null).get("send").asBoolean()).isTrue();
        assertThat(world.decide(profile, "commercial", null, "EMAIL", after, null).get("send").asBoolean()).isFalse();
        assertThat(World.ok(world.api.get(World.BASE + "/keys", world.admin())).get("keys").asInt())
                .isEqualTo(rotated.get("keys").asInt());
        List.of("demo-marketing", "demo-auditor").forEach(client -> assertThat(
                world.api.post(World.BASE + "/keys/rotation", world.api.token(client), Map.of()).status()).isEqualTo(403));
    }
}
