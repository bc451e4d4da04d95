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
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A development identity provider on Spring Authorization Server, only in the embedded profile:
 * <ul>
 *   <li>demo service clients get signed JWTs by the client-credentials grant at {@code /oauth2/token},
 *       with the API's audience and their tenants in the tenant claim;</li>
 *   <li>demo people sign in to the operator console by OpenID Connect (authorization code with
 *       PKCE) on a login form at {@value DevIssuerLoginPage#LOGIN}; their ID tokens carry their
 *       tenants and roles.</li>
 * </ul>
 * The API and the console validate its tokens like any identity provider's (signature, issuer,
 * audience, lifetime). It stands in only while no identity provider is named: with
 * {@code consent.security.issuer-uri} set, that provider's tokens are checked instead and this
 * issuer is off.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(IdentityProvider.StoodInFor.class)
@EnableConfigurationProperties(DevTokenIssuer.Settings.class)
@Import(DevIssuerLoginPage.class)
class DevTokenIssuer {

    private static final Logger LOG = LoggerFactory.getLogger(DevTokenIssuer.class);
    private static final String TENANTS_SETTING = "consent.tenants";
    /** Its own key in the shared HTTP session, so that signing in here is not signing in to the console. */
    private static final String SECURITY_CONTEXT = "DEV_ISSUER_SECURITY_CONTEXT";

    /**
     * The dev issuer.
     *
     * @param clients   the demo service clients: id, secret, scopes, tenants
     * @param users     the demo people who sign in to the console: username, password, name, roles, tenants
     * @param console   the console's OAuth client
     * @param jwkFile   an RSA JWK to sign with; empty: one generated per start (tests use a file to mint edge-case tokens)
     * @param issuerUri the iss of its tokens
     */
    @ConfigurationProperties("consent.dev-issuer")
    record Settings(List<Client> clients, @DefaultValue List<User> users, @DefaultValue ConsoleClient console,
                    String jwkFile, String issuerUri) {
        /** @param tenants none for a client that reads no tenant's data (the metrics scraper) */
        record Client(String id, String secret, List<String> scopes, List<String> tenants) {
            Client {
                tenants = tenants == null ? List.of() : tenants;
            }
        }

        record User(String username, String password, String name, List<String> roles, List<String> tenants) {
        }

        record ConsoleClient(@DefaultValue("consent-console") String id, @DefaultValue("consent-console-secret") String secret) {
        }

        Optional<User> user(String username) {
            return users.stream().filter(user -> user.username().equals(username)).findFirst();
        }
    }

    @Bean
    @Order(1)
    SecurityFilterChain devIssuerSecurity(HttpSecurity http, RegisteredClientRepository clients,
                                          AuthorizationServerSettings settings) throws Exception {
        var authorizationServer = new OAuth2AuthorizationServerConfigurer();
        RequestMatcher endpoints = authorizationServer.getEndpointsMatcher();
        var sessions = new HttpSessionSecurityContextRepository();
        sessions.setSpringSecurityContextKey(SECURITY_CONTEXT);
        http.securityMatcher(new OrRequestMatcher(endpoints, PathPatternRequestMatcher.withDefaults().matcher(DevIssuerLoginPage.PATHS)))
                .with(authorizationServer, server -> server.registeredClientRepository(clients).authorizationServerSettings(settings)
                        .oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(auth -> auth.requestMatchers(DevIssuerLoginPage.PATHS).permitAll().anyRequest().authenticated())
                .formLogin(form -> form.loginPage(DevIssuerLoginPage.LOGIN))
                .securityContext(context -> context.securityContextRepository(sessions))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(DevIssuerLoginPage.LOGIN), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")))
                .csrf(csrf -> csrf.ignoringRequestMatchers(endpoints));
        return http.build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(Settings configured) {
        return AuthorizationServerSettings.builder().issuer(configured.issuerUri()).build();
    }

    @Bean
    UserDetailsService demoPeople(Settings configured) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new InMemoryUserDetailsManager(configured.users().stream().map(user -> User.withUsername(user.username())
                .password(encoder.encode(user.password())).roles("DEMO").build()).toList());
    }

    @Bean
    RegisteredClientRepository registeredClients(Settings configured, Environment environment) {
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
        LOG.info("Dev identity provider (embedded profile only) serves clients {} and console users {}",
                configured.clients().stream().map(Settings.Client::id).toList(),
                configured.users().stream().map(Settings.User::username).toList());
        return new DevClients(new InMemoryRegisteredClientRepository(clients),
                () -> consoleClient(configured.console(), encoder, DevClients.localBaseUrls(environment)));
    }

    /** The console signs people in with the authorization code and PKCE, and back out where it started. */
    private static RegisteredClient consoleClient(Settings.ConsoleClient console, PasswordEncoder encoder, List<String> baseUrls) {
        return RegisteredClient.withId(UUID.nameUUIDFromBytes(console.id().getBytes()).toString())
                .clientId(console.id())
                .clientSecret(encoder.encode(console.secret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> baseUrls.forEach(base -> uris.add(base + DevClients.CONSOLE_CALLBACK)))
                .postLogoutRedirectUris(uris -> baseUrls.forEach(base -> uris.add(base + DevClients.CONSOLE_SIGNED_OUT)))
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(15)).build())
                .build();
    }

    /**
     * Service clients' access tokens get the API's audience and the client's tenants; a person's
     * tokens get their tenants, roles and name, which the console reads from the ID token.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> consentClaims(SecurityProperties security, Settings configured) {
        return context -> {
            var claims = context.getClaims();
            if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                List<String> tenants = context.getRegisteredClient().getClientSettings().getSetting(TENANTS_SETTING);
                claims.audience(List.of(security.audience())).claim(security.tenantClaim(), tenants);
                return;
            }
            configured.user(context.getPrincipal().getName()).ifPresent(user -> {
                claims.claim(security.tenantClaim(), List.copyOf(user.tenants())).claim("roles", List.copyOf(user.roles()))
                        .claim(StandardClaimNames.NAME, user.name()).claim(StandardClaimNames.PREFERRED_USERNAME, user.username());
                if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                    claims.audience(List.of(security.audience()));
                }
            });
        };
    }

    @Bean
    JWKSource<SecurityContext> devIssuerKeys(Settings configured) throws Exception {
        RSAKey key = configured.jwkFile() == null || configured.jwkFile().isBlank()
                ? new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate()
                : readKey(Path.of(configured.jwkFile()));
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    /** The API checks the dev issuer's tokens with its keys in memory, but exactly as it would any issuer's. */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys, Settings configured, SecurityProperties security) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).jwsAlgorithms(algorithms -> {
            algorithms.clear();
            algorithms.add(SignatureAlgorithm.RS256);
        }).build();
        decoder.setJwtValidator(TokenValidators.validator(configured.issuerUri(), security.audience()));
        return decoder;
    }

    /**
     * The console's registration with this issuer. Its endpoints are on this server, whose port is
     * known only once it listens: the browser is sent to a relative authorization URI, and the
     * token endpoint is called on the port the server took.
     */
    @Bean
    ClientRegistrationRepository consoleRegistration(Settings configured, Environment environment) {
        return new DevConsoleRegistration(configured.issuerUri(), configured.console().id(), configured.console().secret(), environment);
    }

    /** ID tokens are checked with the issuer's keys in memory: signature, issuer, audience (the console), lifetime. */
    @Bean
    JwtDecoderFactory<ClientRegistration> idTokenDecoders(JWKSource<SecurityContext> keys) {
        return registration -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).jwsAlgorithms(algorithms -> {
                algorithms.clear();
                algorithms.add(SignatureAlgorithm.RS256);
            }).build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(), new OidcIdTokenValidator(registration)));
            return decoder;
        };
    }

    private static RSAKey readKey(Path file) throws IOException, ParseException {
        return RSAKey.parse(Files.readString(file));
    }
}
