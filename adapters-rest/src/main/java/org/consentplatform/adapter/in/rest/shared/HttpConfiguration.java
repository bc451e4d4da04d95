package org.consentplatform.adapter.in.rest.shared;

import org.consentplatform.adapter.in.rest.shared.LinkProperties;
import org.consentplatform.application.port.in.IdempotentRequests;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import java.time.Clock;
import java.util.List;

import static org.consentplatform.adapter.in.rest.shared.TenantAccess.ADMIN;
import static org.consentplatform.adapter.in.rest.shared.TenantAccess.ANY;
import static org.consentplatform.adapter.in.rest.shared.TenantAccess.AUDIT;
import static org.consentplatform.adapter.in.rest.shared.TenantAccess.DECIDE;
import static org.consentplatform.adapter.in.rest.shared.TenantAccess.IMPORT;
import static org.consentplatform.adapter.in.rest.shared.TenantAccess.PRIVACY;
import static org.consentplatform.adapter.in.rest.shared.TenantAccess.READ;
import static org.consentplatform.adapter.in.rest.shared.TenantAccess.WRITE;

/**
 * What the API and the pages share: strict JSON, the security chains (tokens with tenant and scope
 * checks for the API, CSRF and a script-free policy for the pages), size limits, idempotency, the link seal.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SecurityProperties.class, ApiProperties.class, LinkProperties.class})
public class HttpConfiguration {

    static final String PROTECTED_RESOURCE_METADATA = "/.well-known/oauth-protected-resource";

    private static final String TENANT = "/api/v1/tenants/{tenantId}";

    /**
     * Input that is not exactly what the API describes is refused: no unknown fields, no type
     * coercion (a fraction is no integer, a number no instant), no duplicate keys.
     */
    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return builder -> builder
                .addModule(StrictInstants.module())
                .addModule(StrictEnums.module())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
    }

    @Bean
    ProblemWriter problemWriter(JsonMapper json) {
        return new ProblemWriter(json);
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemWriter problems, SecurityProperties security) throws Exception {
        String tenantClaim = security.tenantClaim();
        AuthenticationEntryPoint unauthenticated = problemEntryPoint(problems);
        AccessDeniedHandler denied = problemAccessDenied(problems);
        // RFC 9728: the metadata a 401's WWW-Authenticate points at is served by this chain, so it is reachable
        http.securityMatcher("/api/**", PROTECTED_RESOURCE_METADATA)
                .csrf(csrf -> csrf.disable()) // bearer tokens only, no cookies: nothing for CSRF to ride on
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, PROTECTED_RESOURCE_METADATA).permitAll()
                        .requestMatchers(HttpMethod.GET, TENANT + "/settings").access(TenantAccess.of(tenantClaim, READ, ADMIN))
                        .requestMatchers(HttpMethod.PUT, TENANT + "/settings").access(TenantAccess.of(tenantClaim, ADMIN))
                        .requestMatchers(TENANT + "/keys", TENANT + "/keys/**").access(TenantAccess.of(tenantClaim, ADMIN))
                        .requestMatchers(HttpMethod.POST, TENANT + "/settings/dry-run").access(TenantAccess.of(tenantClaim, READ, ADMIN))
                        .requestMatchers(HttpMethod.GET, TENANT + "/profiles", TENANT + "/profiles/*").access(TenantAccess.of(tenantClaim, READ, ADMIN))
                        .requestMatchers(HttpMethod.POST, TENANT + "/profiles/*/dry-run", TENANT + "/profiles/*/notices/*/dry-run")
                        .access(TenantAccess.of(tenantClaim, READ, ADMIN))
                        .requestMatchers(HttpMethod.GET, TENANT + "/profiles/*/notices/*/reconsent").access(TenantAccess.of(tenantClaim, READ, ADMIN))
                        .requestMatchers(HttpMethod.POST, TENANT + "/profiles").access(TenantAccess.of(tenantClaim, ADMIN))
                        .requestMatchers(HttpMethod.PUT, TENANT + "/profiles/*").access(TenantAccess.of(tenantClaim, ADMIN))
                        .requestMatchers(HttpMethod.GET, TENANT + "/contacts/*").access(TenantAccess.of(tenantClaim, READ))
                        .requestMatchers(HttpMethod.GET, TENANT + "/reports/*").access(TenantAccess.of(tenantClaim, READ))
                        .requestMatchers(HttpMethod.PUT, TENANT + "/contacts/*", TENANT + "/contact-points/minor")
                        .access(TenantAccess.of(tenantClaim, WRITE))
                        .requestMatchers(HttpMethod.POST, TENANT + "/consents", TENANT + "/consents/batch", TENANT + "/consents/engagement")
                        .access(TenantAccess.of(tenantClaim, WRITE))
                        .requestMatchers(HttpMethod.POST, TENANT + "/consents/lookup").access(TenantAccess.of(tenantClaim, READ))
                        .requestMatchers(HttpMethod.POST, TENANT + "/consents/receipt").access(TenantAccess.of(tenantClaim, READ, AUDIT))
                        .requestMatchers(HttpMethod.POST, TENANT + "/decisions", TENANT + "/decisions/**").access(TenantAccess.of(tenantClaim, DECIDE))
                        .requestMatchers(HttpMethod.POST, TENANT + "/history/**").access(TenantAccess.of(tenantClaim, AUDIT))
                        .requestMatchers(HttpMethod.POST, TENANT + "/recipient-links").access(TenantAccess.of(tenantClaim, WRITE))
                        .requestMatchers(HttpMethod.POST, TENANT + "/subject-requests/**").access(TenantAccess.of(tenantClaim, PRIVACY))
                        .requestMatchers(HttpMethod.GET, TENANT + "/subject-requests/erasures").access(TenantAccess.of(tenantClaim, PRIVACY, AUDIT))
                        .requestMatchers(TENANT + "/imports", TENANT + "/imports/**").access(TenantAccess.of(tenantClaim, IMPORT))
                        .requestMatchers(TENANT + "/**").access(TenantAccess.of(tenantClaim, ANY))
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> { })
                        .protectedResourceMetadata(metadata -> metadata.protectedResourceMetadataCustomizer(resource -> {
                            resource.resourceName("Consent platform API").tlsClientCertificateBoundAccessTokens(false)
                                    .scopes(scopes -> scopes.addAll(List.of(TenantAccess.ANY)));
                            if (!security.issuerUri().isBlank()) {
                                resource.authorizationServer(security.issuerUri());
                            }
                        }))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied));
        return http.build();
    }

    /**
     * The recipient pages: public (their links are the credential), forms protected by a CSRF
     * token in a strict same-site cookie and a hidden field (no session), and a content
     * security policy that allows no script at all. One-click unsubscribe is exempt from CSRF:
     * RFC 8058 has mail providers POST to it without cookies.
     */
    @Bean
    @Order(3)
    SecurityFilterChain recipientPages(HttpSecurity http) throws Exception {
        var tokens = new CookieCsrfTokenRepository();
        tokens.setCookieName("recipient-csrf");
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict").httpOnly(true).path("/"));
        http.securityMatcher(PublicPaths.PREFERENCES + "/**", PublicPaths.SUBSCRIPTIONS + "/**",
                        PublicPaths.UNSUBSCRIBE + "/**", PublicPaths.FORM_EXPIRED)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.csrfTokenRepository(tokens).ignoringRequestMatchers(PublicPaths.UNSUBSCRIBE + "/**"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'none'; style-src 'unsafe-inline'; img-src https:; form-action 'self'; "
                                + "frame-ancestors 'none'; base-uri 'none'")))
                .exceptionHandling(exceptions -> exceptions.accessDeniedPage(PublicPaths.FORM_EXPIRED));
        return http.build();
    }

    /**
     * The metrics Prometheus scrapes: a token with the {@code consent:metrics} scope (the scrape
     * job's client credentials), no tenant; every other actuator endpoint but health and info
     * stays unexposed (ADR 42).
     */
    @Bean
    @Order(4)
    SecurityFilterChain metricsSecurity(HttpSecurity http, ProblemWriter problems) throws Exception {
        AuthenticationEntryPoint unauthenticated = problemEntryPoint(problems);
        AccessDeniedHandler denied = problemAccessDenied(problems);
        http.securityMatcher("/actuator/prometheus")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAuthority("SCOPE_" + TenantAccess.METRICS))
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> { })
                        .authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied));
        return http.build();
    }

    @Bean
    RecipientLinkSeal recipientLinkSeal(LinkProperties links, Clock clock) {
        return RecipientLinkSeal.fromFile(links.jwkFile(), links.createKeyIfMissing(), clock);
    }

    /** Everything outside the API: the OpenAPI document, the event contract and health are public, the rest does not exist. */
    @Bean
    @Order(Integer.MAX_VALUE - 10)
    SecurityFilterChain publicEndpoints(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/actuator/health", "/actuator/health/**",
                                "/actuator/info", "/error", PublicPaths.RECEIPT_KEYS, PublicPaths.CONFIRMATION + "/*",
                                PublicPaths.CONFIRMATION + "/*/renewal", PublicPaths.EVENT_CONTRACT + "/asyncapi.yaml",
                                PublicPaths.EVENT_CONTRACT + "/schemas/*.json").permitAll()
                        .anyRequest().denyAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        var registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(-300);
        return registration;
    }

    /** Before Spring Security (-100), so that what it rethrows reaches this filter. */
    @Bean
    FilterRegistrationBean<IdentityProviderOutageFilter> identityProviderOutageFilter(ProblemWriter problems) {
        var registration = new FilterRegistrationBean<>(new IdentityProviderOutageFilter(problems));
        registration.setOrder(-150);
        return registration;
    }

    @Bean
    FilterRegistrationBean<QueryEncodingFilter> queryEncodingFilter(ProblemWriter problems) {
        var registration = new FilterRegistrationBean<>(new QueryEncodingFilter(problems));
        registration.setOrder(-250);
        return registration;
    }

    @Bean
    FilterRegistrationBean<MediaTypeHeadersFilter> mediaTypeHeadersFilter(ProblemWriter problems) {
        var registration = new FilterRegistrationBean<>(new MediaTypeHeadersFilter(problems));
        registration.setOrder(-240);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(ProblemWriter problems, ApiProperties api) {
        var registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(api.maxBodyBytes(), problems));
        registration.setOrder(-200);
        return registration;
    }

    /** After Spring Security (-100): keys are scoped to an authenticated, authorised caller. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotentRequests requests, ProblemWriter problems, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new IdempotencyFilter(requests, problems, json));
        registration.setOrder(0);
        return registration;
    }

    private static AuthenticationEntryPoint problemEntryPoint(ProblemWriter problems) {
        var bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            bearer.commence(request, response, exception);
            problems.write(response, Problems.UNAUTHENTICATED.detail("a valid bearer token is required"));
        };
    }

    private static AccessDeniedHandler problemAccessDenied(ProblemWriter problems) {
        var bearer = new BearerTokenAccessDeniedHandler();
        return (request, response, exception) -> {
            bearer.handle(request, response, exception);
            problems.write(response, Problems.FORBIDDEN.detail("the token does not grant this tenant or scope"));
        };
    }
}
