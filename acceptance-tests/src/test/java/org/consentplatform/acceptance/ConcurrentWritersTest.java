package org.consentplatform.acceptance;

import org.consentplatform.acceptance.support.HttpApi;
import org.consentplatform.acceptance.support.RunningService;
import org.consentplatform.acceptance.support.World;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Many writers on one record at once: every acknowledged change is in the history, in one gapless sequence. */
@RunningService
class ConcurrentWritersTest {

    @LocalServerPort
    private int port;

    @Test
    void concurrentCapturesOfOneRecordAreAllKeptInOrder() throws Exception {
        var world = new World(port);
        String profile = World.unique("concurrent");
        World.ok(world.createProfile(profile, null));
        String address = World.unique("busy") + "@example.com";
        String token = world.marketing();
        int writers = 100;
        Instant base = Instant.parse("2026-11-01T00:00:00Z");

        List<Callable<HttpApi.Response>> captures = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            Instant capturedAt = base.plusSeconds(i);
            String state = i % 2 == 0 ? "OPTED_IN" : "OPTED_OUT";
            captures.add(() -> world.api.post(World.BASE + "/consents", token,
                    World.capture(profile, "EMAIL", address, "commercial", null, state, capturedAt, null)));
        }
        List<JsonNode> acknowledged = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            for (Future<HttpApi.Response> response : pool.invokeAll(captures)) {
                acknowledged.add(World.ok(response.get()));
            }
        }

        JsonNode history = World.ok(world.api.post(World.BASE + "/history/record?limit=1000", world.admin(), Map.of(
                "profileId", profile, "channel", "EMAIL", "address", address, "purposeId", "commercial")));
        var seqs = new ArrayList<Long>();
        history.get("items").forEach(item -> seqs.add(item.get("seq").asLong()));
        var ids = new HashSet<String>();
        history.get("items").forEach(item -> ids.add(item.get("id").asString()));

        assertThat(seqs).hasSize(writers).isSorted();
        assertThat(seqs.getLast()).isEqualTo(writers);
        acknowledged.forEach(change -> assertThat(ids).contains(change.get("id").asString()));
        // whatever the arrival order, the newest capture (the last second, an opt-out) is the state
        JsonNode decision = world.decide(profile, "commercial", null, "EMAIL", address, null);
        JsonNode records = World.ok(world.api.post(World.BASE + "/consents/lookup", token, Map.of("channel", "EMAIL", "address", address)));
        assertThat(records.get("items").get(0).get("state").asString()).isEqualTo("OPTED_OUT");
        assertThat(Instant.parse(records.get("items").get(0).get("capturedAt").asString())).isEqualTo(base.plusSeconds(writers - 1));
        assertThat(decision.get("send").asBoolean()).isFalse();
        JsonNode verification = World.ok(world.api.post(World.BASE + "/history/record/verify", world.admin(), Map.of(
                "profileId", profile, "channel", "EMAIL", "address", address, "purposeId", "commercial")));
        assertThat(verification.get("intact").asBoolean()).as("the hash chain is not forked").isTrue();
        assertThat(verification.get("checked").asLong()).isEqualTo(writers);
    }
}
