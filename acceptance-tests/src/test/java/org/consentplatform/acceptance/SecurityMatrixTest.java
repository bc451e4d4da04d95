package org.consentplatform.acceptance;

import com.nimbusds.jwt.JWTClaimsSet;
import org.consentplatform.acceptance.support.HttpApi;
import org.consentplatform.acceptance.support.RunningService;
import org.consentplatform.acceptance.support.TestKeys;
import org.consentplatform.acceptance.support.Tokens;
import org.consentplatform.acceptance.support.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may call what: every refusal is a problem document, and a refused write changes nothing. */
@RunningService
class SecurityMatrixTest {

    @LocalServerPort
    private int port;
    private World world;
    private String address;
    private String profile;

    @BeforeEach
    void setUp() {
        world = new World(port);
        profile = World.unique("security");
        World.ok(world.createProfile(profile, null));
        address = World.unique("sec") + "@example.com";
    }

    record BadToken(String name, String token) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<BadToken> badTokens() {
        List<String> acme = List.of("acme");
        Instant now = Instant.now();
        return Stream.of(
                new BadToken("no token", null),
                new BadToken("garbage", "not-a-jwt"),
                new BadToken("forged signature", Tokens.sign(Tokens.valid(acme, Tokens.ALL_SCOPES).build(), TestKeys.FORGER)),
                new BadToken("expired", Tokens.sign(Tokens.valid(acme, Tokens.ALL_SCOPES)
                        .issueTime(Date.from(now.minusSeconds(7200))).notBeforeTime(Date.from(now.minusSeconds(7200)))
                        .expirationTime(Date.from(now.minusSeconds(3600))).build(), TestKeys.ISSUER)),
                new BadToken("not yet valid", Tokens.sign(Tokens.valid(acme, Tokens.ALL_SCOPES)
                        .notBeforeTime(Date.from(now.plusSeconds(3600))).build(), TestKeys.ISSUER)),
                new BadToken("wrong issuer", Tokens.sign(Tokens.valid(acme, Tokens.ALL_SCOPES).issuer("https://evil.example").build(),
                        TestKeys.ISSUER)),
                new BadToken("wrong audience", Tokens.sign(Tokens.valid(acme, Tokens.ALL_SCOPES).audience("another-api").build(),
                        TestKeys.ISSUER)),
                new BadToken("no expiry", Tokens.sign(Tokens.valid(acme, Tokens.ALL_SCOPES).expirationTime(null).build(),
                        TestKeys.ISSUER)),
                new BadToken("alg none", Tokens.unsigned(Tokens.valid(acme, Tokens.ALL_SCOPES).build())));
    }

    @ParameterizedTest(name = "{0} → 401")
    @MethodSource("badTokens")
    void anInvalidTokenIsUnauthenticatedAndChangesNothing(BadToken bad) {
        HttpApi.Response response = world.api.post(World.BASE + "/consents", bad.token(), capture());

        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:consentplatform:problem:unauthenticated");
        assertNothingStored();
    }

    @Test
    void aHandMadeTokenSignedByTheIssuerKeyIsAccepted() {
        String token = Tokens.sign(Tokens.valid(List.of("acme"), Tokens.ALL_SCOPES).build(), TestKeys.ISSUER);

        assertThat(world.api.post(World.BASE + "/consents", token, capture()).status()).isEqualTo(201);
    }

    static Stream<Object[]> missingScopes() {
        return Stream.of(
                new Object[]{"demo-auditor", "POST", "/consents", "consent:write"},
                new Object[]{"demo-auditor", "POST", "/decisions", "consent:decide"},
                new Object[]{"demo-marketing", "POST", "/profiles", "consent:admin"},
                new Object[]{"demo-marketing", "PUT", "/settings", "consent:admin"},
                new Object[]{"demo-marketing", "POST", "/history/record", "consent:audit"},
                new Object[]{"demo-auditor", "POST", "/consents/lookup", "consent:read"},
                new Object[]{"demo-auditor", "GET", "/reports/reach", "consent:read"},
                new Object[]{"demo-auditor", "GET", "/reports/daily", "consent:read"},
                new Object[]{"demo-auditor", "GET", "/reports/partners", "consent:read"},
                new Object[]{"demo-marketing", "POST", "/subject-requests/access", "consent:privacy"},
                new Object[]{"demo-marketing", "POST", "/subject-requests/erasure", "consent:privacy"},
                new Object[]{"demo-admin", "POST", "/subject-requests/erasure", "consent:privacy"},
                new Object[]{"demo-marketing", "GET", "/subject-requests/erasures", "consent:privacy or consent:audit"},
                new Object[]{"demo-marketing", "GET", "/keys", "consent:admin"},
                new Object[]{"demo-auditor", "POST", "/keys/rotation", "consent:admin"},
                new Object[]{"demo-marketing", "POST", "/keys/intake-secret", "consent:admin"},
                new Object[]{"demo-auditor", "POST", "/profiles/p/notices/n/dry-run", "consent:read or consent:admin"},
                new Object[]{"demo-auditor", "GET", "/profiles/p/notices/n/reconsent", "consent:read or consent:admin"});
    }

    @ParameterizedTest(name = "{0} {1} {2} without {3} → 403")
    @MethodSource("missingScopes")
    void aMissingScopeIsForbidden(String client, String method, String path, String scope) {
        HttpApi.Response response = world.api.call(method, World.BASE + path, world.api.token(client), "application/json",
                HttpApi.json(capture()), Map.of());

        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:consentplatform:problem:forbidden");
        assertNothingStored();
    }

    @Test
    void anotherTenantsPathIsForbiddenChangesNothingAndRevealsNothing() {
        String marketing = world.marketing(); // acme only
        HttpApi.Response write = world.api.post("/api/v1/tenants/globex/consents", marketing, capture());
        HttpApi.Response existing = world.api.get("/api/v1/tenants/globex/profiles/" + profile, marketing);
        HttpApi.Response missing = world.api.get("/api/v1/tenants/globex/profiles/does-not-exist", marketing);

        assertThat(write.status()).isEqualTo(403);
        assertThat(existing.status()).isEqualTo(403);
        assertThat(missing.status()).isEqualTo(403);
        assertThat(existing.body()).isEqualTo(missing.body());
        HttpApi.Response globexRecords = world.api.post("/api/v1/tenants/globex/consents/lookup", world.admin(),
                Map.of("channel", "EMAIL", "address", address));
        assertThat(World.ok(globexRecords).get("items")).isEmpty();
        assertNothingStored();
    }

    @Test
    void theSameDataInAnotherTenantIsAnotherRecord() {
        World.ok(world.api.post(World.BASE + "/consents", world.marketing(), capture()));

        JsonNodeAssert.hasItems(world.api.post("/api/v1/tenants/globex/consents/lookup", world.admin(),
                Map.of("channel", "EMAIL", "address", address)), 0);
        JsonNodeAssert.hasItems(world.api.post(World.BASE + "/consents/lookup", world.admin(),
                Map.of("channel", "EMAIL", "address", address)), 1);
    }

    private Map<String, Object> capture() {
        return World.capture(profile, "EMAIL", address, "commercial", null, "OPTED_IN", Instant.now(), null);
    }

    private void assertNothingStored() {
        JsonNodeAssert.hasItems(world.api.post(World.BASE + "/consents/lookup", world.admin(),
                Map.of("channel", "EMAIL", "address", address)), 0);
    }

    private static final class JsonNodeAssert {
        static void hasItems(HttpApi.Response response, int count) {
            assertThat(World.ok(response).get("items")).hasSize(count);
        }
    }
}
