package org.consentplatform.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Access tokens by the OAuth2 client-credentials grant (RFC 6749 §4.4), from the identity
 * provider's token endpoint, kept until shortly before they expire and shared by every call.
 */
final class ClientCredentials {

    /** A token is renewed this long before its expiry, so none expires on its way. */
    private static final Duration MARGIN = Duration.ofSeconds(30);

    private final HttpClient http;
    private final ObjectMapper json;
    private final URI tokenUri;
    private final String authorization;
    private final String form;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    ClientCredentials(HttpClient http, ObjectMapper json, URI tokenUri, String clientId, String clientSecret, String scopes,
                      Clock clock) {
        this.http = http;
        this.json = json;
        this.tokenUri = tokenUri;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        this.form = "grant_type=client_credentials" + (scopes == null || scopes.isBlank() ? ""
                : "&scope=" + URLEncoder.encode(scopes, StandardCharsets.UTF_8));
        this.clock = clock;
    }

    /** A valid access token, fetched when there is none or it is about to expire. */
    synchronized String token() {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            fetch();
        }
        return token;
    }

    /** Forgets the token: the service refused it (revoked, or its keys rotated), so the next call fetches another. */
    synchronized void forget() {
        token = null;
    }

    private void fetch() {
        HttpRequest request = HttpRequest.newBuilder(tokenUri).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("the token endpoint " + tokenUri + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching a token", e);
        }
        if (response.statusCode() != 200) {
            // RFC 6749 §5.2 errors are not problem documents: the status says the kind (401: wrong client or secret)
            throw ProblemException.of(response.statusCode(), null, response.headers(), json);
        }
        try {
            JsonNode answer = json.readTree(response.body());
            token = answer.path("access_token").asText(null);
            if (token == null) {
                throw new IllegalStateException("the token endpoint's answer has no access_token");
            }
            long expiresIn = answer.path("expires_in").asLong(300);
            Duration lifetime = Duration.ofSeconds(expiresIn);
            renewAt = clock.instant().plus(lifetime.compareTo(MARGIN.multipliedBy(2)) > 0 ? lifetime.minus(MARGIN) : lifetime.dividedBy(2));
        } catch (IOException e) {
            throw new UncheckedIOException("the token endpoint's answer is not JSON", e);
        }
    }
}
