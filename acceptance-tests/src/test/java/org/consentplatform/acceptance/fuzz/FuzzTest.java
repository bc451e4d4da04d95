package org.consentplatform.acceptance.fuzz;

import com.mongodb.client.MongoClient;
import org.consentplatform.acceptance.support.HttpApi;
import org.consentplatform.acceptance.support.RunningService;
import org.consentplatform.acceptance.support.TestKeys;
import org.consentplatform.acceptance.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of bad requests generated from the served OpenAPI document, on every operation, to
 * a tenant seeded with a profile, a contact, a consent, a minor and a finished load. Every
 * answer is below 500; every 4xx is a problem document of the API's own types that names no Java
 * type; and a refused request leaves storage exactly as it was, which is checked after each
 * request to an operation that writes, and once per operation for the others. The suite has a
 * service of its own, so that its storage holds nothing but the seeded tenant and reads fast.
 */
@RunningService
@TestPropertySource(properties = "spring.application.name=consent-platform-fuzzed")
class FuzzTest {

    private static final String TENANT = "fuzz";
    private static final Pattern JAVA_NAMES = Pattern.compile("\\b(java|javax|jakarta|sun)\\.[a-z]|org\\.springframework|"
            + "com\\.fasterxml|tools\\.jackson|org\\.consentplatform|org\\.bson|com\\.mongodb|org\\.apache|Exception\\b|\\.java:\\d");

    @LocalServerPort
    private int port;
    @Autowired
    private MongoClient mongo;
    @Autowired
    private MongoProperties mongoProperties;

    @Test
    void badRequestsOnEveryOperationAreRefusedWithAProblemAndChangeNothing() {
        var api = new HttpApi(port);
        String token = Tokens.sign(Tokens.valid(List.of(TENANT), Tokens.ALL_SCOPES).subject("fuzzer").build(), TestKeys.ISSUER);
        String jobId = SeededTenant.seed(api, token, TENANT);
        var fingerprint = new StorageFingerprint(mongo.getDatabase(mongoProperties.getMongoClientDatabase()));
        JsonNode document = api.get("/v3/api-docs", null).json();
        List<BadRequests.BadRequest> requests = new BadRequests(document, TENANT,
                Map.of("profileId", "fuzz", "contactId", "c-fuzz", "jobId", jobId, "noticeId", "fuzz-wording"), SeededTenant.known()).all();

        var failures = new ArrayList<String>();
        var refusedByOperation = new TreeMap<String, Integer>();
        var acceptedByOperation = new TreeMap<String, Integer>();
        var statuses = new TreeMap<Integer, Integer>();
        int replayed = 0;
        long started = System.nanoTime();
        String baseline = fingerprint.take();
        var slowest = new TreeMap<Long, String>();
        for (List<BadRequests.BadRequest> group : groups(requests)) {
            long groupStarted = System.nanoTime();
            var refusedInGroup = new ArrayList<BadRequests.BadRequest>();
            for (BadRequests.BadRequest request : group) {
                HttpApi.Response response = send(api, token, request);
                statuses.merge(response.status(), 1, Integer::sum);
                String problem = check(response);
                if (problem != null) {
                    failures.add(request.operation() + " [" + request.spoil() + "]: " + problem);
                }
                boolean refused = response.status() >= 400;
                (refused ? refusedByOperation : acceptedByOperation).merge(request.operation(), 1, Integer::sum);
                if (refused) {
                    refusedInGroup.add(request);
                }
            }
            String after = fingerprint.take();
            if (!after.equals(baseline) && refusedInGroup.size() == group.size()) {
                failures.add(group.getFirst().operation() + " [" + group.getFirst().spoil() + " …]: all refused, but storage changed");
            } else if (!after.equals(baseline)) {
                // an accepted request changed storage: each refused one of the group is sent again alone, between two fingerprints
                for (BadRequests.BadRequest request : refusedInGroup) {
                    String before = after;
                    HttpApi.Response response = send(api, token, request);
                    replayed++;
                    after = fingerprint.take();
                    if (response.status() >= 400 && !after.equals(before)) {
                        failures.add(request.operation() + " [" + request.spoil() + "]: answered " + response.status()
                                + " but storage changed");
                    }
                }
            }
            baseline = after;
            slowest.put(System.nanoTime() - groupStarted, group.getFirst().operation() + " " + group.getFirst().part() + " ×" + group.size());
            if (slowest.size() > 5) {
                slowest.pollFirstEntry();
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        int refused = refusedByOperation.values().stream().mapToInt(Integer::intValue).sum();

        System.out.printf("Fuzz: %d requests on %d operations in %d s (%.0f/s): %d refused (4xx), %d accepted; by status %s; "
                + "%d refused requests sent again alone to tell their effect from an accepted one's%n", requests.size(),
                refusedByOperation.size(), took.toSeconds(), requests.size() / (took.toMillis() / 1000.0), refused,
                requests.size() - refused, statuses, replayed);
        slowest.descendingMap().forEach((nanos, group) -> System.out.printf("  slowest: %-60s %d ms%n", group, nanos / 1_000_000));
        failures.forEach(failure -> System.out.println("  FAILED " + failure));
        acceptedByOperation.forEach((op, count) -> System.out.printf("  accepted: %-45s %d%n", op, count));
        assertThat(failures).as(String.join("\n", failures.subList(0, Math.min(40, failures.size())))).isEmpty();
        assertThat(refused).isGreaterThanOrEqualTo(5_000);
        assertThat(refusedByOperation.keySet()).as("every operation of the document got bad requests")
                .hasSize(operations(document));
    }

    /** Requests in runs of one operation and one spoiled part (a field, a parameter, the headers), in order. */
    private static List<List<BadRequests.BadRequest>> groups(List<BadRequests.BadRequest> requests) {
        var groups = new ArrayList<List<BadRequests.BadRequest>>();
        String current = null;
        for (BadRequests.BadRequest request : requests) {
            String key = request.operation() + " " + request.part();
            if (!key.equals(current)) {
                groups.add(new ArrayList<>());
                current = key;
            }
            groups.getLast().add(request);
        }
        return groups;
    }

    private static HttpApi.Response send(HttpApi api, String token, BadRequests.BadRequest request) {
        return api.callWithBytes(request.method(), request.path(), token, request.contentType(), request.body(), request.headers());
    }

    /** What is wrong with an answer, or null. */
    private static String check(HttpApi.Response response) {
        if (response.status() >= 500) {
            return "answered " + response.status() + ": " + abbreviate(response.body());
        }
        if (response.status() < 400) {
            return null;
        }
        String type = response.header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return "answered " + response.status() + " as " + type + ": " + abbreviate(response.body());
        }
        JsonNode problem;
        try {
            problem = response.json();
        } catch (RuntimeException e) {
            return "a problem document that is not JSON: " + abbreviate(response.body());
        }
        if (!problem.path("type").asString("").startsWith("urn:consentplatform:problem:")) {
            return "a problem without the API's type: " + abbreviate(response.body());
        }
        if (problem.path("status").asInt() != response.status()) {
            return "a problem whose status is not the answer's: " + abbreviate(response.body());
        }
        if (JAVA_NAMES.matcher(response.body()).find()) {
            return "a problem naming Java internals: " + abbreviate(response.body());
        }
        return null;
    }

    private static int operations(JsonNode document) {
        int count = 0;
        for (var path : document.get("paths").properties()) {
            if (path.getKey().startsWith("/api/")) {
                count += path.getValue().size();
            }
        }
        return count;
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
