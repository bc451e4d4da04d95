package org.consentplatform.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.consentplatform.client.api.AuditApi;
import org.consentplatform.client.api.ComplianceProfilesApi;
import org.consentplatform.client.api.ConsentsApi;
import org.consentplatform.client.api.ContactsApi;
import org.consentplatform.client.api.DecisionsApi;
import org.consentplatform.client.api.ImportsApi;
import org.consentplatform.client.api.PrivacyApi;
import org.consentplatform.client.api.ReceiptsApi;
import org.consentplatform.client.api.RecipientLinksApi;
import org.consentplatform.client.api.ReportsApi;
import org.consentplatform.client.api.TenantsApi;
import org.consentplatform.client.invoker.ApiClient;
import org.consentplatform.client.invoker.ApiException;
import org.consentplatform.client.model.BatchDecision;
import org.consentplatform.client.model.DecisionRequest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The consent platform from the JVM. The operations are those of the OpenAPI document, generated
 * into {@code org.consentplatform.client.api} (one class per tag, methods named by operationId);
 * this class gives them a token and turns error answers into {@link ProblemException}s:
 *
 * <pre>{@code
 * var consent = ConsentClient.builder(URI.create("https://consent.example.com"))
 *         .clientCredentials(URI.create("https://idp.example.com/realms/marketing/protocol/openid-connect/token"),
 *                 "crm-sync", secret, "consent:write consent:decide")
 *         .build();
 * Decision decision = consent.call(() -> consent.decisions().decide("acme", request));
 * }</pre>
 *
 * {@link #decideAll} streams batch decisions both ways: requests are written as the stream yields
 * them and answers read as they arrive, so a stream of any length runs in constant memory.
 */
public final class ConsentClient {

    private final ApiClient api;
    private final HttpClient http;
    private final ObjectMapper json;
    private final URI baseUri;
    private final Duration timeout;
    private final Supplier<String> tokens;
    private final Runnable forgetToken;
    private final ConsentsApi consents;
    private final DecisionsApi decisions;
    private final ComplianceProfilesApi profiles;
    private final AuditApi history;
    private final ContactsApi contacts;
    private final ImportsApi imports;
    private final PrivacyApi privacy;
    private final ReceiptsApi receipts;
    private final RecipientLinksApi recipientLinks;
    private final ReportsApi reports;
    private final TenantsApi tenants;

    private ConsentClient(Builder builder) {
        this.baseUri = builder.baseUri;
        this.timeout = builder.timeout;
        this.json = ApiClient.createDefaultObjectMapper();
        this.http = builder.http.build();
        if (builder.tokenUri != null) {
            var credentials = new ClientCredentials(http, json, builder.tokenUri, builder.clientId, builder.clientSecret, builder.scopes,
                    Clock.systemUTC());
            this.tokens = credentials::token;
            this.forgetToken = credentials::forget;
        } else {
            this.tokens = Objects.requireNonNull(builder.token, "a token: clientCredentials(…) or token(…)");
            this.forgetToken = () -> { };
        }
        this.api = new ApiClient(builder.http, json, baseUri.toString());
        api.setReadTimeout(builder.timeout);
        api.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + tokens.get()));
        this.consents = new ConsentsApi(api);
        this.decisions = new DecisionsApi(api);
        this.profiles = new ComplianceProfilesApi(api);
        this.history = new AuditApi(api);
        this.contacts = new ContactsApi(api);
        this.imports = new ImportsApi(api);
        this.privacy = new PrivacyApi(api);
        this.receipts = new ReceiptsApi(api);
        this.recipientLinks = new RecipientLinksApi(api);
        this.reports = new ReportsApi(api);
        this.tenants = new TenantsApi(api);
    }

    /** A client of the service at that address (scheme, host and port; the API's paths are the generated ones). */
    public static Builder builder(URI baseUri) {
        return new Builder(baseUri);
    }

    /** A call to one of the generated operations. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws ApiException;
    }

    /**
     * Runs a generated operation; an error answer becomes the {@link ProblemException} of its
     * kind. A 401 is tried once more with a fresh token (the old one was revoked or its keys rotated).
     */
    public <T> T call(Call<T> call) {
        try {
            return call.call();
        } catch (ApiException refused) {
            if (refused.getCode() == 401) {
                forgetToken.run();
                try {
                    return call.call();
                } catch (ApiException again) {
                    throw failure(again);
                }
            }
            throw failure(refused);
        }
    }

    /** The problem the service answered; or, when it did not answer at all, the I/O failure. */
    private RuntimeException failure(ApiException e) {
        if (e.getCode() == 0) {
            return new UncheckedIOException("the consent platform did not answer: " + e.getMessage(),
                    e.getCause() instanceof IOException io ? io : new IOException(e));
        }
        return ProblemException.of(e.getCode(), e.getResponseBody(), e.getResponseHeaders(), json);
    }

    /**
     * Decides a stream of any length ({@code POST …/decisions/batch}, NDJSON both ways) in constant
     * memory: requests are serialised only as they are sent, answers parsed only as they are read,
     * in the order of the requests, with {@code line} counted over the whole stream. The stream
     * goes in windows of {@link #WINDOW} lines, one request each: Java's HttpClient reads an
     * HTTP/1.1 answer only once its request is sent, so an unbounded request would leave the
     * service's answers piling up until it gives up writing them. Close the returned stream when done.
     *
     * @throws ProblemException when the service refuses a window as a whole (token, tenant, media type)
     */
    public Stream<BatchDecision> decideAll(String tenantId, Stream<DecisionRequest> requests) {
        Iterator<DecisionRequest> pending = requests.iterator();
        URI batch = baseUri.resolve("/api/v1/tenants/" + URLEncoder.encode(tenantId, StandardCharsets.UTF_8) + "/decisions/batch");
        Iterator<Stream<BatchDecision>> windows = new Iterator<>() {
            private long offset;

            @Override
            public boolean hasNext() {
                return pending.hasNext();
            }

            @Override
            public Stream<BatchDecision> next() {
                long first = offset;
                var window = new Iterator<DecisionRequest>() {
                    private int taken;

                    @Override
                    public boolean hasNext() {
                        return taken < WINDOW && pending.hasNext();
                    }

                    @Override
                    public DecisionRequest next() {
                        taken++;
                        return pending.next();
                    }
                };
                offset += WINDOW;
                return decideWindow(batch, window).map(answer -> answer.line(answer.getLine() == null ? null : answer.getLine() + first));
            }
        };
        return Stream.iterate(windows, Iterator::hasNext, same -> same).flatMap(Iterator::next).onClose(requests::close);
    }

    /** Lines per request of {@link #decideAll}: about 100 KB each way, well within a connection's buffers. */
    static final int WINDOW = 1000;

    private Stream<BatchDecision> decideWindow(URI batch, Iterator<DecisionRequest> lines) {
        HttpRequest request = HttpRequest.newBuilder(batch).timeout(timeout)
                .header("Authorization", "Bearer " + tokens.get())
                .header("Content-Type", "application/x-ndjson").header("Accept", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(ndjson(lines)))).build();
        HttpResponse<Stream<String>> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new UncheckedIOException("the consent platform did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            String body;
            try (Stream<String> answer = response.body()) {
                body = answer.collect(Collectors.joining("\n"));
            }
            throw ProblemException.of(response.statusCode(), body, response.headers(), json);
        }
        return response.body().filter(line -> !line.isBlank()).map(this::decision);
    }

    private BatchDecision decision(String line) {
        try {
            return json.readValue(line, BatchDecision.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("an answer line is not a BatchDecision: " + line, e);
        }
    }

    /** Each request as one line, serialised only when the body is read that far. */
    private Enumeration<InputStream> ndjson(Iterator<DecisionRequest> requests) {
        return new Enumeration<>() {
            @Override
            public boolean hasMoreElements() {
                return requests.hasNext();
            }

            @Override
            public InputStream nextElement() {
                try {
                    byte[] line = json.writeValueAsBytes(requests.next());
                    byte[] withNewline = java.util.Arrays.copyOf(line, line.length + 1);
                    withNewline[line.length] = '\n';
                    return new ByteArrayInputStream(withNewline);
                } catch (JsonProcessingException e) {
                    throw new UncheckedIOException("a DecisionRequest cannot be written", e);
                }
            }
        };
    }

    public ConsentsApi consents() {
        return consents;
    }

    public DecisionsApi decisions() {
        return decisions;
    }

    public ComplianceProfilesApi profiles() {
        return profiles;
    }

    /** The history, its verification and exports (the auditors' operations). */
    public AuditApi history() {
        return history;
    }

    public ContactsApi contacts() {
        return contacts;
    }

    public ImportsApi imports() {
        return imports;
    }

    /** Data subjects' requests: access and erasure. */
    public PrivacyApi privacy() {
        return privacy;
    }

    public ReceiptsApi receipts() {
        return receipts;
    }

    public RecipientLinksApi recipientLinks() {
        return recipientLinks;
    }

    public ReportsApi reports() {
        return reports;
    }

    /** Tenant settings and keys. */
    public TenantsApi tenants() {
        return tenants;
    }

    /** How the client reaches the service and gets its tokens. */
    public static final class Builder {

        private final URI baseUri;
        private HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        private Duration timeout = Duration.ofSeconds(30);
        private URI tokenUri;
        private String clientId;
        private String clientSecret;
        private String scopes;
        private Supplier<String> token;

        private Builder(URI baseUri) {
            this.baseUri = Objects.requireNonNull(baseUri, "the service's address");
        }

        /** Tokens by the client-credentials grant from the identity provider's token endpoint, renewed before they expire. */
        public Builder clientCredentials(URI tokenUri, String clientId, String clientSecret, String scopes) {
            this.tokenUri = Objects.requireNonNull(tokenUri, "the token endpoint");
            this.clientId = Objects.requireNonNull(clientId, "the client id");
            this.clientSecret = Objects.requireNonNull(clientSecret, "the client secret");
            this.scopes = scopes;
            return this;
        }

        /** Tokens from elsewhere (a token exchange, a sidecar): asked for before each call. */
        public Builder token(Supplier<String> token) {
            this.token = token;
            return this;
        }

        /** The HTTP client to build on (proxy, TLS, executor). */
        public Builder httpClient(HttpClient.Builder http) {
            this.http = http;
            return this;
        }

        /** How long one call may take (a streamed batch is not bound by it); 30 s by default. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public ConsentClient build() {
            return new ConsentClient(this);
        }
    }
}
