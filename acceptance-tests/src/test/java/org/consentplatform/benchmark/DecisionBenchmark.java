package org.consentplatform.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.consentplatform.adapter.out.mongo.ContactPointKeys;
import org.consentplatform.bootstrap.ConsentApplication;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.tenant.TenantId;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Measures, in one run against the running service over HTTP with real tokens:
 * <ol>
 *   <li>single decisions per second and p99 latency, beside a trivial endpoint behind the same
 *   JWT security (the stack's own limit);</li>
 *   <li>streamed NDJSON batch decisions per second, beside a raw driver read of the same
 *   records on the same server;</li>
 *   <li>the store's work per single decision and per 500 streamed lines: round trips,
 *   documents read and written ({@link StoreWork}).</li>
 * </ol>
 * Run: {@code ./mvnw -pl acceptance-tests -am verify -Pbenchmark -DskipTests}. Options as system
 * properties: {@code records} (20000), {@code seconds} (10), {@code rounds} (3), {@code clients} (16),
 * {@code storage} (memory|file).
 * It prints figures; it asserts nothing about time.
 */
public final class DecisionBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final String base;
    private final String token;

    private DecisionBenchmark(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** The same security chain as every tenant path, and nothing behind it. */
    @RestController
    public static class NoopEndpoint {
        @GetMapping("/api/v1/tenants/{tenantId}/benchmark/noop")
        Map<String, Boolean> noop(@PathVariable String tenantId) {
            return Map.of("ok", true);
        }
    }

    public static void main(String[] args) throws Exception {
        int records = Integer.getInteger("records", 20_000);
        int seconds = Integer.getInteger("seconds", 10);
        int clients = Integer.getInteger("clients", 16);
        int rounds = Integer.getInteger("rounds", 3);
        String storage = System.getProperty("storage", "memory");
        Path dataDir = Files.createTempDirectory("consent-benchmark");
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(ConsentApplication.class, NoopEndpoint.class, StoreWork.Counting.class)
                .run("--server.port=0", "--consent.embedded.mongo.storage=" + storage,
                        "--consent.embedded.mongo.file=" + dataDir.resolve("consent.mv"), "--logging.level.root=WARN",
                        "--consent.embedded.kafka.port=0", "--consent.embedded.kafka.dir=" + dataDir.resolve("kafka"), "--consent.embedded.mail.port=0",
                        "--consent.keys.master-keyset-file=" + dataDir.resolve("master-keyset.json"))) {
            String base = "http://localhost:" + ((WebServerApplicationContext) service).getWebServer().getPort();
            var benchmark = new DecisionBenchmark(base, token(base));
            StoreWork.INSTANCE.countOnly(StoreWork.REQUEST_THREADS);
            long[] beforeSeeding = StoreWork.INSTANCE.snapshot();
            long seedingStart = System.nanoTime();
            List<String> addresses = benchmark.seed(records);
            double seedingSeconds = (System.nanoTime() - seedingStart) / 1e9;
            long[] seeding = minus(StoreWork.INSTANCE.snapshot(), beforeSeeding);
            long captured = records + (records + 1) / 2;
            String captures = String.format("%nBatch captures (seeding, `POST /consents/batch` of 750 items, one client, %s storage): "
                            + "%,d changes in %.1f s, **%,.0f changes/s**; per change %.2f round trips, %.2f documents read, %.2f written.%n",
                    storage, captured, seedingSeconds, captured / seedingSeconds, seeding[0] / (double) captured,
                    seeding[1] / (double) captured, seeding[2] / (double) captured);
            System.out.print(captures);

            benchmark.load("warm-up noop", 15, clients, i -> benchmark.noop());
            benchmark.load("warm-up decision", 15, clients, i -> benchmark.decision(addresses.get(i % addresses.size())));
            // rounds alternate the two sides, so that noise on a 2-core machine hits both alike; medians are reported
            var noops = new ArrayList<Result>();
            var decisions = new ArrayList<Result>();
            for (int round = 0; round < rounds; round++) {
                noops.add(benchmark.load("trivial endpoint (same JWT security)", seconds, clients, i -> benchmark.noop()));
                decisions.add(benchmark.load("single decision", seconds, clients,
                        i -> benchmark.decision(addresses.get(Math.floorMod(i * 7919, addresses.size())))));
            }
            Result noop = median(noops);
            Result decide = median(decisions);

            MongoCollection<Document> projection = service.getBean(MongoClient.class).getDatabase("consent").getCollection("consent_records");
            List<List<String>> recordIds = recordIds(service.getBean(ContactPointKeys.class), addresses);
            benchmark.streamed(addresses); // warm-up
            rawRead(projection, recordIds);
            var streamedRates = new ArrayList<Double>();
            var rawRates = new ArrayList<Double>();
            for (int round = 0; round < 5; round++) {
                streamedRates.add(benchmark.streamed(addresses));
                rawRates.add(rawRead(projection, recordIds));
            }
            double streamed = streamedRates.stream().sorted().toList().get(2);
            double raw = rawRates.stream().sorted().toList().get(2);
            Work work = benchmark.storeWork(addresses, projection.countDocuments(Filters.exists("key")));

            String report = report(records, seconds, clients, rounds, storage, noop, decide, streamed, raw) + work.table() + captures;
            System.out.println(report);
            Path out = Path.of("target", "benchmark.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
        }
    }

    private List<String> seed(int records) {
        send("POST", "/profiles", "application/json", "{\"id\":\"bench\",\"name\":\"Benchmark\"}");
        var addresses = new ArrayList<String>(records);
        for (int from = 0; from < records; from += 500) {
            var items = new ArrayList<Map<String, Object>>();
            for (int i = from; i < Math.min(records, from + 500); i++) {
                String address = "person" + i + "@example.com";
                addresses.add(address);
                items.add(Map.of("profileId", "bench", "channel", "EMAIL", "address", address, "purposeId", "commercial",
                        "state", i % 3 == 0 ? "OPTED_OUT" : "OPTED_IN", "capturedAt", "2026-11-01T00:00:00Z"));
                if (i % 2 == 0) {
                    items.add(Map.of("profileId", "bench", "channel", "EMAIL", "address", address, "purposeId", "tracking",
                            "state", "OPTED_IN", "capturedAt", "2026-11-01T00:00:00Z"));
                }
            }
            send("POST", "/consents/batch", "application/json", JSON.writeValueAsString(Map.of("items", items)));
        }
        return addresses;
    }

    private int noop() {
        return send("GET", "/benchmark/noop", null, null).statusCode();
    }

    private int decision(String address) {
        return send("POST", "/decisions", "application/json", "{\"profileId\":\"bench\",\"purposeId\":\"commercial\","
                + "\"channel\":\"EMAIL\",\"address\":\"" + address + "\"}").statusCode();
    }

    record Result(String name, double perSecond, double p50Millis, double p99Millis, long errors) {
    }

    private Result load(String name, int seconds, int clients, IntFunction<Integer> call) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        var counter = new AtomicInteger();
        List<Future<long[]>> workers = new ArrayList<>();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    long[] latencies = new long[1 << 16];
                    int n = 0;
                    long errors = 0;
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        int status = call.apply(counter.getAndIncrement());
                        long took = System.nanoTime() - t0;
                        if (status != 200) {
                            errors++;
                        }
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = took;
                    }
                    long[] result = Arrays.copyOf(latencies, n + 1);
                    result[n] = errors;
                    return result;
                }));
            }
            long total = 0;
            long errors = 0;
            var all = new ArrayList<long[]>();
            for (Future<long[]> worker : workers) {
                long[] latencies = worker.get();
                errors += latencies[latencies.length - 1];
                long[] own = Arrays.copyOf(latencies, latencies.length - 1);
                total += own.length;
                all.add(own);
            }
            double elapsed = (System.nanoTime() - started) / 1e9;
            long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            var result = new Result(name, total / elapsed, percentile(merged, 0.50), percentile(merged, 0.99), errors);
            System.out.printf("%-40s %10.0f/s  p50 %6.2f ms  p99 %6.2f ms  errors %d%n", name, result.perSecond(),
                    result.p50Millis(), result.p99Millis(), errors);
            return result;
        }
    }

    /** What decisions ask of the store, per single decision and per 500 streamed lines (counts carry over to a real cluster). */
    record Work(int decisions, long[] single, int lines, long[] stream, long records) {
        String table() {
            double chunks = lines / 500.0;
            return """

                    | store work (request threads only) | round trips | documents read | documents written |
                    | --- | --- | --- | --- |
                    | per single decision (%d sequential) | %.2f | %.2f | %.2f |
                    | per 500 streamed lines (%d lines) | %.2f | %.1f | %.2f |
                    | raw driver read, per 500 addresses (its records alone) | 1 | %.1f | 0 |
                    """.formatted(decisions, single[0] / (double) decisions, single[1] / (double) decisions,
                    single[2] / (double) decisions, lines, stream[0] / chunks, stream[1] / chunks, stream[2] / chunks, records / chunks);
        }
    }

    private Work storeWork(List<String> addresses, long records) {
        StoreWork.INSTANCE.countOnly(StoreWork.REQUEST_THREADS);
        int decisions = Math.min(1_000, addresses.size());
        long[] before = StoreWork.INSTANCE.snapshot();
        for (int i = 0; i < decisions; i++) {
            decision(addresses.get(i));
        }
        long[] single = minus(StoreWork.INSTANCE.snapshot(), before);
        before = StoreWork.INSTANCE.snapshot();
        streamed(addresses);
        long[] stream = minus(StoreWork.INSTANCE.snapshot(), before);
        Work work = new Work(decisions, single, addresses.size(), stream, records);
        System.out.print(work.table());
        return work;
    }

    private static long[] minus(long[] after, long[] before) {
        return new long[]{after[0] - before[0], after[1] - before[1], after[2] - before[2]};
    }

    /** Decisions per second through the NDJSON stream endpoint, for every seeded address. */
    private double streamed(List<String> addresses) {
        var body = new StringBuilder(addresses.size() * 100);
        for (String address : addresses) {
            body.append("{\"profileId\":\"bench\",\"purposeId\":\"commercial\",\"channel\":\"EMAIL\",\"address\":\"")
                    .append(address).append("\"}\n");
        }
        long t0 = System.nanoTime();
        HttpResponse<String> response = send("POST", "/decisions/batch", "application/x-ndjson", body.toString());
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long lines = response.body().lines().count();
        if (response.statusCode() != 200 || lines != addresses.size()) {
            throw new IllegalStateException("batch answered " + response.statusCode() + " with " + lines + " lines");
        }
        double rate = lines / elapsed;
        System.out.printf("%-40s %10.0f decisions/s (%d lines in %.2f s)%n", "streamed batch decisions", rate, lines, elapsed);
        return rate;
    }

    /**
     * The same records (purpose and tracking record per address), read by _id in chunks like the
     * service does; the ids are filed by pseudonym (ADR 37), computed before the clock starts, so
     * the baseline is the store's read alone and the service's side pays for its pseudonyms.
     */
    private static double rawRead(MongoCollection<Document> projection, List<List<String>> idChunks) {
        long t0 = System.nanoTime();
        long read = 0;
        for (List<String> ids : idChunks) {
            for (Document ignored : projection.find(Filters.in("_id", ids))) {
                read++;
            }
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long addresses = idChunks.stream().mapToLong(List::size).sum() / 2;
        long stored = projection.countDocuments(Filters.exists("key")); // records, not their contact points' subjects
        if (read != stored) {
            throw new IllegalStateException("the raw read found " + read + " of the " + stored + " records: its ids are wrong");
        }
        double rate = addresses / elapsed;
        System.out.printf("%-40s %10.0f addresses/s (%d documents in %.2f s)%n", "raw driver read of the same records", rate, read, elapsed);
        return rate;
    }

    private static List<List<String>> recordIds(ContactPointKeys keys, List<String> addresses) {
        var chunks = new ArrayList<List<String>>();
        for (int from = 0; from < addresses.size(); from += 500) {
            var ids = new ArrayList<String>();
            for (String address : addresses.subList(from, Math.min(addresses.size(), from + 500))) {
                String pseudonym = keys.pseudonym(new TenantId("acme"), new ContactPoint(Channel.EMAIL, address));
                ids.add("acme|bench|EMAIL||" + pseudonym + "|commercial|");
                ids.add("acme|bench|EMAIL||" + pseudonym + "|tracking|");
            }
            chunks.add(ids);
        }
        return chunks;
    }

    private static Result median(List<Result> results) {
        return results.stream().sorted(java.util.Comparator.comparingDouble(Result::perSecond)).toList().get(results.size() / 2);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static String report(int records, int seconds, int clients, int rounds, String storage, Result noop, Result decide,
                                 double streamed, double raw) {
        return """
                ## Decision benchmark, %s

                Setup: %d records (%s storage), %d concurrent clients, %d rounds of %d s alternating the two
                sides (median round shown), batch and raw read alternated 5 times (median shown), %d cores, %s.

                | measurement | throughput | p50 | p99 | errors |
                | --- | --- | --- | --- | --- |
                | %s | %.0f req/s | %.2f ms | %.2f ms | %d |
                | %s | %.0f req/s | %.2f ms | %.2f ms | %d |
                | **single decision ÷ trivial endpoint** | **%.2f×** (target ≥ 0.8×) | | | |

                | measurement | throughput |
                | --- | --- |
                | streamed batch decisions (NDJSON over HTTP) | %.0f decisions/s |
                | raw driver read of the same records (`$in` on `_id`, 500 per query) | %.0f addresses/s |
                | **streamed ÷ raw** | **%.2f×** (target ≥ 0.5×) |
                """.formatted(Instant.now(), records, storage, clients, rounds, seconds, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                noop.name(), noop.perSecond(), noop.p50Millis(), noop.p99Millis(), noop.errors(),
                decide.name(), decide.perSecond(), decide.p50Millis(), decide.p99Millis(), decide.errors(),
                decide.perSecond() / noop.perSecond(), streamed, raw, streamed / raw);
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) {
        var request = HttpRequest.newBuilder(URI.create(base + "/api/v1/tenants/acme" + path)).header("Authorization", "Bearer " + token);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300 && !path.equals("/profiles")) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String token(String base) throws Exception {
        return devToken(base, "demo-admin", "consent:admin consent:write consent:decide");
    }

    /** A token of the embedded profile's dev issuer for a demo client (its secret is its id + "-secret"). */
    static String devToken(String base, String client, String scopes) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((client + ":" + client + "-secret")
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + scopes.replace(' ', '+')))
                .build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).get("access_token").asString();
    }
}
