package org.consentplatform.embedded;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import org.consentplatform.bootstrap.ConsentApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identity provider is down when the service starts, comes up, then its keys become
 * unreachable: the service starts anyway, answers 503 with Retry-After while it cannot check a
 * token, and accepts tokens as soon as the provider answers, without a restart.
 */
class IdentityProviderOutageTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HttpServer identityProvider;
    private ConfigurableApplicationContext service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        if (identityProvider != null) {
            identityProvider.stop(0);
        }
    }

    @Test
    void anIdentityProviderThatIsDownDelaysTokensNotTheService() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String issuer = "http://localhost:" + port + "/realms/consent";
        service = new SpringApplicationBuilder(ConsentApplication.class).run("--server.port=0",
                "--consent.embedded.mongo.storage=memory", "--consent.embedded.kafka.port=0", "--consent.embedded.kafka.dir=",
                "--consent.embedded.mail.port=0", "--consent.security.issuer-uri=" + issuer);
        RSAKey key = new RSAKeyGenerator(2048).keyID("idp-1").generate();

        HttpResponse<String> whileDown = readUnknownContact(IssuerTokens.token(key, issuer));
        assertThat(whileDown.statusCode()).as(whileDown.body()).isEqualTo(503);
        assertThat(whileDown.headers().firstValue("Retry-After")).isPresent();
        assertThat(whileDown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");

        identityProvider = identityProvider(port, issuer, key);
        HttpResponse<String> onceUp = readUnknownContact(IssuerTokens.token(key, issuer));
        assertThat(onceUp.statusCode()).as(onceUp.body()).isEqualTo(404); // authenticated: the contact just does not exist

        identityProvider.stop(0);
        identityProvider = null;
        RSAKey rotated = new RSAKeyGenerator(2048).keyID("idp-2").generate(); // an unknown key id sends it to the JWK set again
        HttpResponse<String> keysUnreachable = readUnknownContact(IssuerTokens.token(rotated, issuer));
        assertThat(keysUnreachable.statusCode()).as(keysUnreachable.body()).isEqualTo(503);
        assertThat(keysUnreachable.headers().firstValue("Retry-After")).isPresent();
    }

    private static HttpServer identityProvider(int port, String issuer, RSAKey key) throws Exception {
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        byte[] discovery = ("{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/certs\",\"subject_types_supported\":[\"public\"],"
                + "\"response_types_supported\":[\"code\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}")
                .getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        server.createContext("/realms/consent/.well-known/openid-configuration", exchange -> respond(exchange, discovery));
        server.createContext("/realms/consent/certs", exchange -> respond(exchange, jwks));
        server.start();
        return server;
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, byte[] body) throws java.io.IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private HttpResponse<String> readUnknownContact(String token) throws Exception {
        String base = "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tenants/acme/contacts/" + UUID.randomUUID()))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
