package org.consentplatform.embedded;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import org.consentplatform.bootstrap.ConsentApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded infrastructure with a real identity provider: once consent.security.issuer-uri
 * names one, the API accepts that issuer's tokens and the dev token issuer is gone, so nothing
 * signs tokens in the real issuer's name.
 */
class ExternalIssuerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpServer identityProvider;
    private static RSAKey signingKey;
    private static String issuer;
    private static ConfigurableApplicationContext service;

    @BeforeAll
    static void start() throws Exception {
        signingKey = new RSAKeyGenerator(2048).keyID("idp-1").generate();
        byte[] jwks = new JWKSet(signingKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        identityProvider = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        identityProvider.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        identityProvider.start();
        issuer = "http://localhost:" + identityProvider.getAddress().getPort() + "/realms/consent";
        service = new SpringApplicationBuilder(ConsentApplication.class).run("--server.port=0",
                "--consent.embedded.mongo.storage=memory", "--consent.embedded.kafka.port=0", "--consent.embedded.kafka.dir=",
                "--consent.embedded.mail.port=0", "--consent.security.issuer-uri=" + issuer,
                "--consent.security.jwk-set-uri=http://localhost:" + identityProvider.getAddress().getPort() + "/jwks");
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        identityProvider.stop(0);
    }

    @Test
    void theIdentityProvidersTokensAreAccepted() throws Exception {
        HttpResponse<String> response = readUnknownContact(IssuerTokens.token(signingKey, issuer));

        // authenticated and allowed: the contact just does not exist
        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
    }

    @Test
    void tokensOfAnotherKeyOrIssuerAreRefused() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("idp-1").generate();

        assertThat(readUnknownContact(IssuerTokens.token(stranger, issuer)).statusCode()).isEqualTo(401);
        assertThat(readUnknownContact(IssuerTokens.token(signingKey, "http://localhost:8080")).statusCode()).isEqualTo(401);
    }

    @Test
    void theDevTokenIssuerIsNotServed() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo-admin:demo-admin-secret".getBytes()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=consent:read")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isNotEqualTo(200);
        assertThat(response.body()).doesNotContain("access_token");
        assertThat(service.getBeanNamesForType(DevTokenIssuer.class)).isEmpty();
    }

    private static HttpResponse<String> readUnknownContact(String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/tenants/acme/contacts/" + UUID.randomUUID()))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String base() {
        return "http://localhost:" + ((WebServerApplicationContext) service).getWebServer().getPort();
    }
}
