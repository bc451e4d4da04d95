package org.consentplatform.embedded;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.consentplatform.adapter.in.rest.shared.SecurityProperties;
import org.consentplatform.bootstrap.IdentityProvider;
import org.consentplatform.bootstrap.TokenValidators;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * A development token issuer on Spring Authorization Server, only in the embedded profile:
 * demo clients get signed JWTs by the client-credentials grant at {@code /oauth2/token}, with
 * the API's audience and their tenants in the tenant claim. The API validates them like any
 * identity provider's tokens (signature, issuer, audience, lifetime). It stands in only while no
 * identity provider is named: with {@code consent.security.issuer-uri} set, that provider's
 * tokens are checked instead and this issuer is off.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(IdentityProvider.StoodInFor.class)
@EnableConfigurationProperties(DevTokenIssuer.Clients.class)
class DevTokenIssuer {

    private static final Logger LOG = LoggerFactory.getLogger(DevTokenIssuer.class);
    private static final String TENANTS_SETTING = "consent.tenants";

    /**
     * The dev issuer.
     *
     * @param clients   the demo clients: id, secret, scopes, tenants
     * @param jwkFile   an RSA JWK to sign with; empty: one generated per start (tests use a file to mint edge-case tokens)
     * @param issuerUri the iss of its tokens
     */
    @ConfigurationProperties("consent.dev-issuer")
    record Clients(List<Client> clients, String jwkFile, String issuerUri) {
        record Client(String id, String secret, List<String> scopes, List<String> tenants) {
        }
    }

    @Bean
    @Order(1)
    SecurityFilterChain devIssuerSecurity(HttpSecurity http, RegisteredClientRepository clients,
                                          AuthorizationServerSettings settings) throws Exception {
        var authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> server.registeredClientRepository(clients).authorizationServerSettings(settings))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(Clients configured) {
        return AuthorizationServerSettings.builder().issuer(configured.issuerUri()).build();
    }

    @Bean
    RegisteredClientRepository registeredClients(Clients configured) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        List<RegisteredClient> clients = configured.clients().stream().map(client -> RegisteredClient
                .withId(UUID.nameUUIDFromBytes(client.id().getBytes()).toString())
                .clientId(client.id())
                .clientSecret(encoder.encode(client.secret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> scopes.addAll(client.scopes()))
                .clientSettings(ClientSettings.builder().setting(TENANTS_SETTING, List.copyOf(client.tenants())).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofHours(1)).build())
                .build()).toList();
        LOG.info("Dev token issuer (embedded profile only) serves clients {}",
                configured.clients().stream().map(Clients.Client::id).toList());
        return new InMemoryRegisteredClientRepository(clients);
    }

    /** Puts the API's audience and the client's tenants into every access token. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> consentClaims(SecurityProperties security) {
        return context -> {
            List<String> tenants = context.getRegisteredClient().getClientSettings().getSetting(TENANTS_SETTING);
            context.getClaims().audience(List.of(security.audience())).claim(security.tenantClaim(), tenants);
        };
    }

    @Bean
    JWKSource<SecurityContext> devIssuerKeys(Clients configured) throws Exception {
        RSAKey key = configured.jwkFile() == null || configured.jwkFile().isBlank()
                ? new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate()
                : readKey(Path.of(configured.jwkFile()));
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    /** The API checks the dev issuer's tokens with its keys in memory, but exactly as it would any issuer's. */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys, Clients configured, SecurityProperties security) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).jwsAlgorithms(algorithms -> {
            algorithms.clear();
            algorithms.add(SignatureAlgorithm.RS256);
        }).build();
        decoder.setJwtValidator(TokenValidators.validator(configured.issuerUri(), security.audience()));
        return decoder;
    }

    private static RSAKey readKey(Path file) throws IOException, ParseException {
        return RSAKey.parse(Files.readString(file));
    }
}
