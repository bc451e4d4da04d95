package org.consentplatform.acceptance;

import org.consentplatform.acceptance.support.HttpApi;
import org.consentplatform.acceptance.support.RunningService;
import org.consentplatform.acceptance.support.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input on every endpoint: malformed JSON, unknown fields, wrong types, invalid
 * addresses, oversized bodies and MongoDB operator injection each get a 4xx problem, and
 * storage is left as it was.
 */
@RunningService
class BadInputTest {

    private static final String PROFILE = "bad-input";
    private static final String ADDRESS = "victim@example.com";

    @LocalServerPort
    private int port;
    private World world;

    /** One valid body per endpoint, as a template the cases spoil. */
    record Endpoint(String method, String path, String client, String validBody) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("PUT", "/settings", "demo-admin",
                    "{\"checkContactLevelConsent\":true,\"lowercaseWholeEmail\":true,\"defaultPhoneRegion\":\"FR\",\"customChannels\":[]}"),
            new Endpoint("POST", "/profiles", "demo-admin", "{\"id\":\"fresh-profile\",\"name\":\"Fresh\"}"),
            new Endpoint("PUT", "/contacts/c-bad", "demo-marketing",
                    "{\"entityType\":\"CONTACT\",\"flags\":{\"doNotEmail\":false},\"contactPoints\":[{\"channel\":\"EMAIL\",\"address\":\"victim@example.com\"}]}"),
            new Endpoint("POST", "/consents", "demo-marketing",
                    "{\"profileId\":\"bad-input\",\"channel\":\"EMAIL\",\"address\":\"victim@example.com\",\"purposeId\":\"commercial\",\"state\":\"OPTED_IN\",\"capturedAt\":\"2026-11-01T00:00:00Z\"}"),
            new Endpoint("POST", "/consents/batch", "demo-marketing",
                    "{\"items\":[{\"profileId\":\"bad-input\",\"channel\":\"EMAIL\",\"address\":\"victim@example.com\",\"purposeId\":\"commercial\",\"state\":\"OPTED_IN\",\"capturedAt\":\"2026-11-01T00:00:00Z\"}]}"),
            new Endpoint("POST", "/consents/lookup", "demo-marketing", "{\"channel\":\"EMAIL\",\"address\":\"victim@example.com\"}"),
            new Endpoint("POST", "/decisions", "demo-marketing",
                    "{\"profileId\":\"bad-input\",\"purposeId\":\"commercial\",\"channel\":\"EMAIL\",\"address\":\"victim@example.com\"}"),
            new Endpoint("POST", "/decisions/explanation", "demo-marketing",
                    "{\"profileId\":\"bad-input\",\"purposeId\":\"commercial\",\"channel\":\"EMAIL\",\"address\":\"victim@example.com\"}"),
            new Endpoint("POST", "/history/record", "demo-admin",
                    "{\"profileId\":\"bad-input\",\"channel\":\"EMAIL\",\"address\":\"victim@example.com\",\"purposeId\":\"commercial\"}"),
            new Endpoint("POST", "/history/contact-point", "demo-admin", "{\"channel\":\"EMAIL\",\"address\":\"victim@example.com\"}"),
            new Endpoint("POST", "/history/search", "demo-admin", "{\"channel\":\"EMAIL\",\"address\":\"victim@example.com\",\"purposeId\":\"commercial\"}"),
            new Endpoint("POST", "/history/export", "demo-admin", "{\"channel\":\"EMAIL\",\"address\":\"victim@example.com\",\"source\":\"API\"}"),
            new Endpoint("POST", "/history/record/verify", "demo-admin",
                    "{\"profileId\":\"bad-input\",\"channel\":\"EMAIL\",\"address\":\"victim@example.com\",\"purposeId\":\"commercial\"}"));

    record Case(Endpoint endpoint, String spoil, String body) {
        @Override
        public String toString() {
            return endpoint + ": " + spoil;
        }
    }

    static Stream<Case> cases() {
        return ENDPOINTS.stream().flatMap(endpoint -> Stream.of(
                new Case(endpoint, "malformed JSON", endpoint.validBody().substring(0, endpoint.validBody().length() - 3)),
                new Case(endpoint, "unknown field", endpoint.validBody().replaceFirst("\\{", "{\"isAdmin\":true,")),
                new Case(endpoint, "operator object in a string field", spoilFirstString(endpoint.validBody(), "{\"$ne\":null}")),
                new Case(endpoint, "$where in a string field", spoilFirstString(endpoint.validBody(), "\"$where\"")),
                new Case(endpoint, "number for a string", spoilFirstString(endpoint.validBody(), "42")),
                new Case(endpoint, "array body", "[" + endpoint.validBody() + "]"),
                new Case(endpoint, "duplicate key", endpoint.validBody().replaceFirst("\\{", "{\"x\":1,\"x\":2,")),
                new Case(endpoint, "empty body", "")));
    }

    /** Replaces the first string value in the body (whatever field it is) with {@code replacement}. */
    private static String spoilFirstString(String body, String replacement) {
        return body.replaceFirst(":\"[^\"]*\"", java.util.regex.Matcher.quoteReplacement(":" + replacement));
    }

    @BeforeEach
    void setUp() {
        world = new World(port);
        HttpApi.Response created = world.createProfile(PROFILE, null);
        assertThat(created.status()).isIn(201, 409);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsAProblemAndChangesNothing(Case bad) {
        String before = snapshot();

        HttpApi.Response response = world.api.call(bad.endpoint().method(), World.BASE + bad.endpoint().path(),
                world.api.token(bad.endpoint().client()), "application/json", bad.body(), Map.of());

        assertThat(response.status()).as(response.body()).isBetween(400, 499);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).startsWith("urn:consentplatform:problem:");
        assertThat(snapshot()).isEqualTo(before);
    }

    static Stream<Object[]> unreadableAnswers() {
        return ENDPOINTS.stream().flatMap(endpoint -> Stream.of(new Object[]{endpoint, "application/xml"},
                new Object[]{endpoint, "text/csv"}, new Object[]{endpoint, "image/png"}));
    }

    /** Content negotiation refuses before the use case runs: a refused write has no effect, so a retry cannot write twice. */
    @ParameterizedTest(name = "{0} accepting {1}")
    @MethodSource("unreadableAnswers")
    void anAnswerTheCallerCannotReadIsRefusedBeforeAnyEffect(Endpoint endpoint, String accept) {
        String before = snapshot();

        HttpApi.Response response = world.api.call(endpoint.method(), World.BASE + endpoint.path(),
                world.api.token(endpoint.client()), "application/json", endpoint.validBody(), Map.of("Accept", accept));

        assertThat(response.status()).as(response.body()).isEqualTo(406);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(snapshot()).isEqualTo(before);
    }

    static Stream<Object[]> invalidAddresses() {
        return Stream.of(new Object[]{"EMAIL", "ann@"}, new Object[]{"EMAIL", "ann@@example.com"},
                new Object[]{"EMAIL", "ann smith@example.com"}, new Object[]{"SMS", "12345"},
                new Object[]{"SMS", "+999 123456789"}, new Object[]{"VOICE", "not a number"},
                new Object[]{"SMOKE_SIGNAL", "hill"}, new Object[]{"e mail", "ann@example.com"});
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("invalidAddresses")
    void invalidAddressesAreRefusedWithTheirField(String channel, String address) {
        String before = snapshot();
        HttpApi.Response response = world.api.post(World.BASE + "/consents", world.marketing(), Map.of("profileId", PROFILE,
                "channel", channel, "address", address, "purposeId", "commercial", "state", "OPTED_IN",
                "capturedAt", "2026-11-01T00:00:00Z"));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isIn("address", "channel");
        assertThat(snapshot()).isEqualTo(before);
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource("badPaths")
    void injectionInAPathIsRefused(String path) {
        HttpApi.Response response = world.api.get(World.BASE + path, world.admin());

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    static Stream<String> badPaths() {
        return Stream.of("/profiles/$where", "/profiles/%7B%22$ne%22:null%7D", "/contacts/$gt", "/contacts/a%20b",
                "/profiles/" + "x".repeat(65));
    }

    @Test
    void aBadLimitIsRefused() {
        HttpApi.Response response = world.api.post(World.BASE + "/history/contact-point?limit=0", world.admin(),
                Map.of("channel", "EMAIL", "address", ADDRESS));
        HttpApi.Response notANumber = world.api.post(World.BASE + "/history/contact-point?limit=lots", world.admin(),
                Map.of("channel", "EMAIL", "address", ADDRESS));

        assertThat(response.status()).isEqualTo(400);
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.json().get("type").asString()).isEqualTo("urn:consentplatform:problem:invalid-input");
    }

    @Test
    void anOversizedBodyIsRefusedWith413() {
        String huge = "{\"items\":[" + ("{\"profileId\":\"" + "x".repeat(1000) + "\"},").repeat(3000) + "{}]}";

        HttpApi.Response response = world.api.call("POST", World.BASE + "/consents/batch", world.marketing(), "application/json",
                huge, Map.of());

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aBatchOfMoreThanAThousandIsRefused() {
        String item = "{\"profileId\":\"bad-input\",\"channel\":\"EMAIL\",\"address\":\"victim@example.com\",\"purposeId\":\"commercial\",\"state\":\"OPTED_IN\",\"capturedAt\":\"2026-11-01T00:00:00Z\"}";
        String body = "{\"items\":[" + String.join(",", java.util.Collections.nCopies(1001, item)) + "]}";
        String before = snapshot();

        HttpApi.Response response = world.api.call("POST", World.BASE + "/consents/batch", world.marketing(), "application/json",
                body, Map.of());

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aWrongMediaTypeIsRefusedWith415() {
        HttpApi.Response response = world.api.call("POST", World.BASE + "/consents", world.marketing(), "text/plain", "hello", Map.of());

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aCaptureFromTheFarFutureIsRefused() {
        HttpApi.Response response = world.api.post(World.BASE + "/consents", world.marketing(), Map.of("profileId", PROFILE,
                "channel", "EMAIL", "address", ADDRESS, "purposeId", "commercial", "state", "OPTED_IN",
                "capturedAt", "2099-01-01T00:00:00Z"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("capturedAt");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "/reports/reach?format=xml, 400, format",
            "/reports/daily?from=2026-11-02&to=2026-11-01, 400, from",
            "/reports/daily?from=yesterday, 400, from",
            "/reports/daily?from=2025-01-01&to=2026-11-01, 400, to",
            "/reports/reach?profileId=a$b, 400, profileId",
            "/reports/reach?profileId=nope, 404, ''"})
    void badReportQueriesAreProblems(String path, int status, String field) {
        HttpApi.Response response = world.api.get(World.BASE + path, world.marketing());

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        if (!field.isEmpty()) {
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        }
    }

    @Test
    void everyMalformedFieldOfACaptureIsNamedInOneAnswer() {
        String before = snapshot();
        HttpApi.Response response = world.api.post(World.BASE + "/consents", world.marketing(), Map.of("profileId", "no such/profile",
                "channel", "e mail", "purposeId", "", "topicId", "a$b", "state", "OPTED_IN", "capturedAt", "2026-11-01T00:00:00Z"));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("profileId", "channel", "address", "purposeId", "topicId");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aBatchIsRefusedWithTheMalformedFieldsOfEveryItem() {
        String good = "{\"profileId\":\"" + PROFILE + "\",\"channel\":\"EMAIL\",\"address\":\"" + ADDRESS
                + "\",\"purposeId\":\"commercial\",\"state\":\"OPTED_IN\",\"capturedAt\":\"2026-11-01T00:00:00Z\"}";
        String body = "{\"items\":[" + good + "," + good.replace("\"commercial\"", "\"x y\"") + "," + good + ","
                + good.replace("\"EMAIL\"", "\"?\"").replace("\"state\"", "\"source\":\"IMPORT\",\"state\"") + "]}";
        String before = snapshot();

        HttpApi.Response response = world.api.call("POST", World.BASE + "/consents/batch", world.marketing(), "application/json",
                body, Map.of());

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("items[1].purposeId", "items[3].channel");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aDecisionQueryNamesEveryMalformedFieldAndSyntaxComesBeforeLookups() {
        HttpApi.Response response = world.api.post(World.BASE + "/decisions", world.marketing(), Map.of("profileId", "nope",
                "purposeId", "", "channel", "EMAIL", "contactId", "a b"));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("purposeId", "address", "contactId");
    }

    @Test
    void aBatchDecisionLineNamesEveryMalformedField() {
        HttpApi.Response response = world.api.call("POST", World.BASE + "/decisions/batch", world.marketing(),
                "application/x-ndjson", "{\"profileId\":\"" + PROFILE + "\",\"purposeId\":\"a b\",\"channel\":\"\",\"address\":\"x\"}\n"
                        + "null\n", Map.of());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> lines = response.body().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"field\":\"purposeId\"", "\"field\":\"channel\"").contains("\"send\":null");
        assertThat(lines.get(1)).contains("\"line\":2", "not a valid DecisionRequest");
    }

    private static List<String> fields(HttpApi.Response response) {
        var fields = new java.util.ArrayList<String>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    @Test
    void unknownResourcesAre404Problems() {
        HttpApi.Response profile = world.api.get(World.BASE + "/profiles/nope", world.admin());
        HttpApi.Response purpose = world.api.post(World.BASE + "/decisions", world.marketing(), Map.of("profileId", PROFILE,
                "purposeId", "nope", "channel", "EMAIL", "address", ADDRESS));

        assertThat(profile.status()).isEqualTo(404);
        assertThat(purpose.status()).isEqualTo(404);
        assertThat(purpose.header("Content-Type")).startsWith("application/problem+json");
    }

    /** What an auditor and a reader see of the victim's address and of the tenant's settings and profiles. */
    private String snapshot() {
        String admin = world.admin();
        return world.api.post(World.BASE + "/consents/lookup", admin, Map.of("channel", "EMAIL", "address", ADDRESS)).body()
                + world.api.post(World.BASE + "/history/contact-point", admin, Map.of("channel", "EMAIL", "address", ADDRESS)).body()
                + world.api.get(World.BASE + "/settings", admin).body()
                + world.api.get(World.BASE + "/profiles", admin).body()
                + world.api.get(World.BASE + "/contacts/c-bad", admin).body();
    }
}
