package org.consentplatform.acceptance;

import org.consentplatform.acceptance.support.HttpApi;
import org.consentplatform.acceptance.support.RunningService;
import org.consentplatform.acceptance.support.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inputs at the edges of what HTTP and JSON allow (issue 15): each is refused with a problem
 * document, never a 500 nor a page of the container's, and changes nothing.
 */
@RunningService
class EdgeInputTest {

    private static final String ADDRESS = "edge@example.com";

    @LocalServerPort
    private int port;
    private World world;

    @BeforeEach
    void setUp() {
        world = new World(port);
        assertThat(world.createProfile("edge-input", null).status()).isIn(201, 409);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "PUT | /settings | {\"checkContactLevelConsent\":true,\"lowercaseWholeEmail\":true,\"customChannels\":[null]} | customChannels[0]",
            "POST | /profiles | {\"id\":\"edge-null-topic\",\"name\":\"E\",\"purposes\":[{\"id\":\"x\",\"type\":\"COMMERCIAL\",\"models\":{\"EMAIL\":\"RESTRICTIVE\"},\"topics\":[null]}]} | purposes[0].topics[0]",
            "PUT | /contacts/edge-null | {\"entityType\":\"CONTACT\",\"contactPoints\":[null]} | contactPoints[0]",
            "POST | /consents | {\"profileId\":\"edge-input\",\"channel\":\"EMAIL\",\"address\":\"edge@example.com\",\"purposeId\":\"commercial\",\"state\":\"OPTED_IN\",\"capturedAt\":1.5} | capturedAt",
            "POST | /consents | {\"profileId\":\"edge-input\",\"channel\":\"EMAIL\",\"address\":\"edge@example.com\",\"purposeId\":\"commercial\",\"state\":\"OPTED_IN\",\"capturedAt\":\"-99999-01-01T00:00:00Z\"} | capturedAt",
            "POST | /consents | {\"profileId\":\"edge-input\",\"channel\":\"EMAIL\",\"address\":\"edge@example.com\",\"purposeId\":\"commercial\",\"state\":\"OPTED_IN\",\"capturedAt\":\"2026-11-01T00:00:00Z \"} | capturedAt",
            "POST | /history/search | {\"from\":\"+1000000000-01-01T00:00:00Z\"} | from",
            "POST | /history/search | {\"to\":\"-1000000000-01-01T00:00:00Z\"} | to",
            "PUT | /settings | {\"checkContactLevelConsent\":true,\"lowercaseWholeEmail\":true,\"ageOfDigitalConsent\":16.5} | ageOfDigitalConsent",
            "POST | /consents | {\"profileId\":\"edge-input\",\"channel\":\"EMAIL\",\"address\":\"edge@example.com\",\"purposeId\":\"commercial\",\"state\":\"OPTED_IN \",\"capturedAt\":\"2026-11-01T00:00:00Z\"} | state",
            "POST | /consents | {\"profileId\":\"edge-input\",\"channel\":\"EMAIL\",\"address\":\"edge@example.com\",\"purposeId\":\"commercial\",\"state\":\"OPTED_IN\\u0000\",\"capturedAt\":\"2026-11-01T00:00:00Z\"} | state",
            "POST | /consents | {\"profileId\":\"edge-input\",\"channel\":\"SMS\",\"address\":\"+33612345678\\u0000\",\"purposeId\":\"commercial\",\"state\":\"OPTED_IN\",\"capturedAt\":\"2026-11-01T00:00:00Z\"} | address",
            "POST | /consents | {\"profileId\":\"edge-input\",\"channel\":\"EMAIL\",\"address\":\"edge@example.com\",\"purposeId\":\"commercial\",\"state\":\"OPTED_IN\",\"capturedAt\":\"2026-11-01T00:00:00Z\",\"locale\":\"not a locale!\"} | locale",
            "POST | /profiles | {\"id\":\"edge-models\",\"name\":\"E\",\"purposes\":[{\"id\":\"x\",\"type\":\"COMMERCIAL\",\"models\":{\"EMAIL.x\":\"RESTRICTIVE\"}}]} | purposes[0].models.EMAIL.x",
            "POST | /profiles | {\"id\":\"edge-models\",\"name\":\"E\",\"purposes\":[{\"id\":\"x\",\"type\":\"COMMERCIAL\",\"models\":{\"__proto__\":\"RESTRICTIVE\"}}]} | purposes[0].models.__proto__"})
    void aValueOutsideWhatTheApiTakesIsAProblemNamingItsField(String method, String path, String body, String field) {
        String before = snapshot();

        HttpApi.Response response = world.api.call(method, World.BASE + path, world.admin(), "application/json", body, Map.of());

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(snapshot()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "POST | /profiles | {\"id\":\"edge-types\",\"name\":\"E\",\"purposes\":[{\"id\":\"x\",\"type\":\"COMMERCIAL\",\"models\":\"EMAIL\"}]} | purposes[0].models | must be an object",
            "POST | /profiles | {\"id\":\"edge-types\",\"name\":\"E\",\"purposes\":{}} | purposes | must be an array",
            "POST | /consents | {\"profileId\":\"edge-input\",\"channel\":\"EMAIL\",\"address\":\"edge@example.com\",\"purposeId\":\"commercial\",\"state\":\"MAYBE\"} | state | must be one of",
            "PUT | /settings | {\"checkContactLevelConsent\":\"yes\",\"lowercaseWholeEmail\":true} | checkContactLevelConsent | must be true or false",
            "POST | /consents | {\"profileId\":\"edge-input\",\"channel\":\"EMAIL\",\"address\":\"edge@example.com\",\"purposeId\":\"commercial\",\"evidence\":[]} | evidence | must be an object",
            "POST | /consents | {\"profileId\":\"edge-input\",\"isAdmin\":true} | isAdmin | is not a field of this request"})
    void aValueOfTheWrongTypeIsExplainedInTheApisWords(String method, String path, String body, String field, String reason) {
        HttpApi.Response response = world.api.call(method, World.BASE + path, world.admin(), "application/json", body, Map.of());

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(response.json().get("errors").get(0).get("reason").asString()).startsWith(reason);
        assertThat(response.body()).doesNotContainPattern("java\\.|tools\\.|org\\.|`");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"profileId\":{},\"purposeId\":\"x\",\"channel\":\"EMAIL\",\"address\":\"a@b.co\"}",
            "{\"profileId\":\"edge-input\",\"purposeId\":[1],\"channel\":\"EMAIL\",\"address\":\"a@b.co\"}", "{\"profileId\":"})
    void aBatchDecisionLineOfTheWrongShapeIsExplainedWithoutJavaNames(String line) {
        HttpApi.Response response = world.api.call("POST", World.BASE + "/decisions/batch", world.marketing(), "application/x-ndjson",
                line + "\n", Map.of());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("not a valid DecisionRequest").doesNotContainPattern("java\\.|tools\\.|org\\.|`");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"POST /history/search?limit=0x10", "POST /history/search?limit=%2310",
            "POST /history/record/as-of?at=%2B1000000000-01-01T00:00:00Z", "POST /history/record/as-of?at=-99999-01-01T00:00:00Z"})
    void aQueryValueThatIsNotWellFormedIsAProblem(String request) {
        String[] parts = request.split(" ");

        String body = parts[0].equals("GET") ? null
                : "{\"profileId\":\"edge-input\",\"channel\":\"EMAIL\",\"address\":\"" + ADDRESS + "\",\"purposeId\":\"commercial\"}";

        HttpApi.Response response = world.api.call(parts[0], World.BASE + parts[1], world.admin(), "application/json", body, Map.of());

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    /** Found by FuzzTest: each was a 500, an empty 406 or a problem without the API's type. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "GET /reports/daily?format=LONG | | 400",
            "POST /history/search?cursor=LONG | | 400",
            "POST /history/record/as-of | | 400",
            "GET /reports/reach | Accept: */*;q=x | 400",
            "POST /consents/lookup | Content-Type: application/json;;; | 400",
            "GET /reports/reach?format=json | Accept: text/csv | 406",
            "GET /reports/reach?format=csv | Accept: application/json | 406"})
    void whatTheFuzzFoundIsAProblemOfTheApisType(String request, String header, int status) {
        String[] parts = request.replace("LONG", "x".repeat(5_000)).split(" ");
        var headers = new java.util.HashMap<String, String>();
        String body = parts[0].equals("GET") ? null : "{}";
        if (header != null) {
            headers.put(header.substring(0, header.indexOf(':')), header.substring(header.indexOf(": ") + 2));
        }
        String contentType = headers.containsKey("Content-Type") ? null : "application/json";

        HttpApi.Response response = world.api.call(parts[0], World.BASE + parts[1], world.admin(), contentType, body, headers);

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).startsWith("urn:consentplatform:problem:");
    }

    @org.junit.jupiter.api.Test
    void aReportIsAnsweredInTheTypeTheAcceptHeaderPrefers() {
        HttpApi.Response csv = world.api.call("GET", World.BASE + "/reports/partners", world.admin(), null, (String) null,
                Map.of("Accept", "text/csv"));
        HttpApi.Response json = world.api.call("GET", World.BASE + "/reports/partners", world.admin(), null, (String) null,
                Map.of("Accept", "text/csv;q=0.5, application/json"));

        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(json.header("Content-Type")).startsWith("application/json");
    }

    /** A query the servlet container would drop silently, parameter by parameter; sent raw, as clients refuse to. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET /reports/reach?profileId=%zz", "GET /reports/daily?from=%", "POST /history/search?limit=%G1",
            "POST /history/search?cursor=%", "GET /imports/some-job/errors?format=%c3%28%"})
    void aQueryThatIsNotWellEncodedIsAProblem(String request) throws IOException {
        String[] parts = request.split(" ");
        String body = "{}";

        String answer = raw(parts[0] + " " + World.BASE + parts[1] + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + world.admin() + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);

        assertStatusAndProblem(answer);
        assertThat(answer).contains("%-encoded");
    }

    @org.junit.jupiter.api.Test
    void aMultipartUploadCutShortIsAProblem() throws IOException {
        String body = "--x\r\nContent-Disposition: form-data; name=\"job\"\r\nContent-Type: application/json\r\n\r\n"
                + "{\"shape\":\"CONSENT_ROWS\",\"format\":\"CSV\"}\r\n--x\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"a.csv\"\r\n\r\nprofileId,chan";

        String answer = raw("POST " + World.BASE + "/imports HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + world.admin()
                + "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);

        assertStatusAndProblem(answer);
    }

    /** Sent as raw bytes: an HTTP client refuses to send most of these. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET /api/v1/tenants/acme/%00 HTTP/1.1", "GET /api/v1/tenants/acme/a%2Fb HTTP/1.1",
            "GET /api/v1/tenants/acme/a%5Cb HTTP/1.1", "GET /api/v1/tenants/acme/%ff HTTP/1.1", "GET /api/% HTTP/1.1",
            "GET /api/v1/tenants/acme/../acme/profiles HTTP/1.1", "GET /api/v1/tenants/acme/profiles;x=1 HTTP/1.1",
            "TRACE /api/v1/tenants/acme/profiles HTTP/1.1", "FOO /api/v1/tenants/acme/profiles HTTP/1.1",
            "GET /error HTTP/1.1", "POST /error HTTP/1.1"})
    void whatTheContainerRefusesIsAProblemDocumentToo(String requestLine) throws IOException {
        String answer = raw(requestLine + "\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

        assertStatusAndProblem(answer);
    }

    @ParameterizedTest(name = "header {0}")
    @ValueSource(strings = {"control", "long"})
    void aHeaderTheContainerCannotTakeIsAProblemDocument(String kind) throws IOException {
        String header = kind.equals("control") ? "X-Odd: a\u0001b" : "X-Long: " + "a".repeat(9000);

        String answer = raw("GET /actuator/health HTTP/1.1\r\nHost: localhost\r\n" + header + "\r\nConnection: close\r\n\r\n");

        assertStatusAndProblem(answer);
    }

    /** Requests the container may take as they are or refuse: either way the answer is never one of its HTML pages. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET /api/v1/tenants/acme/./profiles HTTP/1.1|", "GET /api/v1/tenants/acme/profiles/. HTTP/1.1|",
            "GET /api/v1/tenants/acme/profiles HTTP/1.1|X-Odd: caf\u00e9", "GET /api/v1/tenants/acme/profiles HTTP/1.1|X-Odd: \u00ff\u00fe"})
    void aRequestTheContainerMayNormaliseIsNeverAnsweredWithAnHtmlPage(String request) throws IOException {
        String[] parts = request.split("\\|", -1);
        String header = parts[1]; // sent as ISO-8859-1: one byte above 0x7F per accented letter

        String answer = raw(parts[0] + "\r\nHost: localhost\r\nAuthorization: Bearer " + world.admin() + "\r\n"
                + (header.isEmpty() ? "" : header + "\r\n") + "Connection: close\r\n\r\n");

        int status = Integer.parseInt(answer.substring(9, 12));
        assertThat(status).as(answer).isLessThan(500);
        assertThat(answer.toLowerCase()).as(answer).doesNotContain("text/html");
        if (status >= 400) {
            assertStatusAndProblem(answer);
        }
    }

    private static void assertStatusAndProblem(String answer) {
        int status = Integer.parseInt(answer.substring(9, 12));
        assertThat(status).as(answer).isBetween(400, 499);
        assertThat(answer.toLowerCase()).as(answer).contains("content-type: application/problem+json");
        assertThat(answer).contains("\"type\":\"urn:consentplatform:problem:");
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String snapshot() {
        String admin = world.admin();
        return world.api.post(World.BASE + "/consents/lookup", admin, Map.of("channel", "EMAIL", "address", ADDRESS)).body()
                + world.api.get(World.BASE + "/settings", admin).body()
                + world.api.get(World.BASE + "/profiles", admin).body()
                + world.api.get(World.BASE + "/contacts/edge-null", admin).body();
    }
}
