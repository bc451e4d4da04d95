package org.consentplatform.acceptance;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.consentplatform.acceptance.support.HttpApi;
import org.consentplatform.acceptance.support.RunningService;
import org.consentplatform.acceptance.support.World;
import org.consentplatform.adapter.out.mongo.ContactPointKeys;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.contactpoint.SealedAddress;
import org.consentplatform.domain.tenant.TenantId;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An erasure racing with captures of the same address (ADR 39): captures that make the address's
 * first data key, opt-outs and an operator's opt-ins, all at once over HTTP. Whatever the
 * interleaving, once the erasure is answered no readable copy of the address is left: the subject
 * holds the suppression and no key, no ciphertext of the address decrypts, and the next decision
 * blocks with ERASED. Every capture is answered (201, or 422 for the operator's opt-in refused).
 */
@RunningService
class ErasureRaceTest {

    private static final TenantId ACME = new TenantId(World.TENANT);
    private static final List<String> PURPOSES = List.of("commercial", "transactional", "tracking");

    @LocalServerPort
    private int port;
    @Autowired
    private MongoClient mongo;
    @Autowired
    private ContactPointKeys keys;

    @RepeatedTest(5)
    void noReadableCopyOfTheAddressSurvivesAnErasureRacingWithCaptures() throws Exception {
        var world = new World(port);
        world.tenantSettings(World.TENANT, false, List.of());
        String profile = World.unique("race");
        World.ok(world.createProfile(profile, null));
        String address = World.unique("racer") + "@erasure.example";
        var start = new CountDownLatch(1);
        var captures = new ArrayList<Future<HttpApi.Response>>();
        Future<HttpApi.Response> erasure;
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 12; i++) {
                String purpose = PURPOSES.get(i % PURPOSES.size());
                boolean operatorOptIn = i % 4 == 3;
                captures.add(pool.submit(() -> {
                    start.await();
                    var capture = new java.util.LinkedHashMap<>(World.capture(profile, "EMAIL", address, purpose, null,
                            operatorOptIn ? "OPTED_IN" : "OPTED_OUT", Instant.now().minusSeconds(1), null));
                    if (operatorOptIn) {
                        capture.put("source", "OPERATOR");
                        capture.put("evidence", Map.of("reason", "asked on the phone"));
                    }
                    return world.api.post(World.BASE + "/consents", world.marketing(), capture);
                }));
            }
            erasure = pool.submit(() -> {
                start.await();
                return world.api.post(World.BASE + "/subject-requests/erasure", world.auditor(), Map.of(
                        "contactPoints", List.of(Map.of("channel", "EMAIL", "address", address)), "legalReference", "Art. 17"));
            });
            start.countDown();
            assertThat(erasure.get().status()).as(erasure.get().body()).isEqualTo(200);
            for (Future<HttpApi.Response> capture : captures) {
                assertThat(capture.get().status()).as(capture.get().body()).isIn(201, 422);
            }
        }

        ContactPoint contactPoint = new ContactPoint(Channel.EMAIL, address);
        String pseudonym = keys.pseudonym(ACME, contactPoint);
        var records = mongo.getDatabase("consent").getCollection("consent_records");
        Document subject = records.find(Filters.eq("_id", World.TENANT + "|" + pseudonym)).first();
        assertThat(subject).isNotNull();
        assertThat(subject.containsKey("dataKey")).as("no key survives the erasure").isFalse();
        assertThat(subject.get("suppressed")).isNotNull();
        var sealed = new ArrayList<SealedAddress>();
        mongo.getDatabase("consent").getCollection("consent_changes").find(Filters.eq("key.pseudonym", pseudonym))
                .forEach(doc -> sealed.add(new SealedAddress(pseudonym, doc.get("key", Document.class).getString("ciphertext"))));
        assertThat(keys.addresses(ACME, sealed)).as("no ciphertext of the address decrypts").isEmpty();
        var decision = world.decide(profile, "commercial", null, "EMAIL", address, null);
        assertThat(decision.get("send").asBoolean()).isFalse();
        assertThat(decision.get("track").asBoolean()).isFalse();
        assertThat(decision.get("reasons").valueStream().filter(reason -> reason.get("code").asString().equals("ERASED"))
                .map(reason -> reason.get("aspect").asString())).containsExactlyInAnyOrder("MESSAGE", "TRACKING");
    }
}
