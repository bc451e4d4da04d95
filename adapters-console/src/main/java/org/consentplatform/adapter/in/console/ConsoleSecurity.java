package org.consentplatform.adapter.in.console;

import org.consentplatform.adapter.in.console.security.ConsoleAccess;
import org.consentplatform.adapter.in.console.security.OperatorUserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcherEntry;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.util.function.Supplier;

import static org.consentplatform.adapter.in.console.security.Permission.AUDIT;
import static org.consentplatform.adapter.in.console.security.Permission.CHANGE_CONSENT;
import static org.consentplatform.adapter.in.console.security.Permission.CONFIGURE;
import static org.consentplatform.adapter.in.console.security.Permission.READ_CONSENT;
import static org.consentplatform.adapter.in.console.security.Permission.READ_REPORTS;
import static org.consentplatform.adapter.in.console.security.Permission.RUN_LOADS;

/**
 * The console's own security chain: people sign in by OpenID Connect (authorization code with
 * PKCE) and keep a server-side session (the cookie is HttpOnly and SameSite=Lax, see
 * docs/security.md); every form carries a CSRF token; the pages load scripts and styles from
 * this server only, none inline; a tenant's pages open only for its operators, per permission.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleProperties.class)
class ConsoleSecurity {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSecurity.class);

    @Bean
    @Order(0)
    SecurityFilterChain consoleChain(HttpSecurity http, ConsoleProperties console,
                                     ObjectProvider<ClientRegistrationRepository> registrations) throws Exception {
        String claim = console.tenantClaim();
        Supplier<String> policy = policy(registrations, console);
        http.securityMatcher(ConsolePaths.BASE, ConsolePaths.BASE + "/**")
                .headers(headers -> headers
                        .addHeaderWriter((request, response) -> response.setHeader("Content-Security-Policy", policy.get()))
                        .frameOptions(frames -> frames.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .exceptionHandling(exceptions -> exceptions.accessDeniedPage(ConsolePaths.FORBIDDEN));
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        if (repository == null) {
            LOG.warn("The operator console is off: no OpenID Connect client registration '{}' "
                    + "(spring.security.oauth2.client.registration.{}.*, see docs/operations.md)", console.registrationId(), console.registrationId());
            http.authorizeHttpRequests(auth -> auth.anyRequest().denyAll());
            return http.build();
        }
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers(ConsolePaths.BASE + "/assets/**", ConsolePaths.BASE + "/webjars/**", ConsolePaths.SIGNED_OUT).permitAll()
                .requestMatchers(HttpMethod.POST, ConsolePaths.TENANT + "/people/records").access(ConsoleAccess.of(claim, CHANGE_CONSENT))
                .requestMatchers(ConsolePaths.TENANT + "/people", ConsolePaths.TENANT + "/people/**").access(ConsoleAccess.of(claim, READ_CONSENT))
                .requestMatchers(ConsolePaths.TENANT + "/profiles", ConsolePaths.TENANT + "/profiles/**", ConsolePaths.TENANT + "/settings")
                .access(ConsoleAccess.of(claim, CONFIGURE))
                .requestMatchers(ConsolePaths.TENANT + "/loads", ConsolePaths.TENANT + "/loads/**").access(ConsoleAccess.of(claim, RUN_LOADS))
                .requestMatchers(ConsolePaths.TENANT + "/reports", ConsolePaths.TENANT + "/reports/**").access(ConsoleAccess.of(claim, READ_REPORTS))
                .requestMatchers(ConsolePaths.TENANT + "/history/**", ConsolePaths.TENANT + "/audit", ConsolePaths.TENANT + "/audit/**")
                .access(ConsoleAccess.of(claim, AUDIT))
                .requestMatchers(ConsolePaths.TENANT, ConsolePaths.TENANT + "/**").access(ConsoleAccess.of(claim))
                .anyRequest().authenticated());
        var requests = new DefaultOAuth2AuthorizationRequestResolver(repository, ConsolePaths.AUTHORIZATION);
        requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        var logout = new OidcClientInitiatedLogoutSuccessHandler(repository);
        logout.setPostLogoutRedirectUri("{baseUrl}" + ConsolePaths.SIGNED_OUT);
        String loginPage = ConsolePaths.AUTHORIZATION + "/" + console.registrationId();
        http.oauth2Login(login -> login
                        .loginPage(loginPage)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(requests))
                        .redirectionEndpoint(endpoint -> endpoint.baseUri(ConsolePaths.BASE + "/login/oauth2/code/*"))
                        .userInfoEndpoint(users -> users.oidcUserService(new OperatorUserService(console.rolesClaim())))
                        .defaultSuccessUrl(ConsolePaths.BASE, false))
                .logout(out -> out.logoutUrl(ConsolePaths.LOGOUT).logoutSuccessHandler(logout))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(signIn(loginPage)));
        return http.build();
    }

    /**
     * Outside Spring Session's filter (order {@code Integer.MIN_VALUE + 50}), so that a session
     * the store cannot read or save is answered with a 503, not the container's 500.
     */
    @Bean
    FilterRegistrationBean<ConsoleOutageFilter> consoleOutageFilter() {
        var registration = new FilterRegistrationBean<>(new ConsoleOutageFilter());
        registration.setOrder(Integer.MIN_VALUE + 40);
        registration.addUrlPatterns(ConsolePaths.BASE + "/*", "/dev-issuer/*", "/oauth2/*", "/connect/*");
        return registration;
    }

    /**
     * Pages send the browser to sign in; a partial update after the session ended cannot follow
     * that redirect across origins, so htmx is told to reload the page instead, which signs in.
     */
    private static AuthenticationEntryPoint signIn(String loginPage) {
        var pages = new LoginUrlAuthenticationEntryPoint(loginPage);
        AuthenticationEntryPoint partial = (request, response, e) -> {
            response.setHeader("HX-Redirect", ConsolePaths.BASE);
            new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED).commence(request, response, e);
        };
        return new DelegatingAuthenticationEntryPoint(pages, new RequestMatcherEntry<>(new RequestHeaderRequestMatcher("HX-Request"), partial));
    }

    /**
     * No inline script or style, nothing from elsewhere; forms may go to this server and, for
     * RP-initiated logout, to the identity provider (read once its registration is known).
     */
    private static Supplier<String> policy(ObjectProvider<ClientRegistrationRepository> registrations, ConsoleProperties console) {
        return new Supplier<>() {
            private volatile String policy;

            @Override
            public String get() {
                String known = policy;
                if (known == null) {
                    known = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; connect-src 'self'; "
                            + "form-action 'self'" + identityProviderOrigin(registrations, console) + "; frame-ancestors 'none'; base-uri 'none'";
                    policy = known;
                }
                return known;
            }
        };
    }

    private static String identityProviderOrigin(ObjectProvider<ClientRegistrationRepository> registrations, ConsoleProperties console) {
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        ClientRegistration registration = repository == null ? null : repository.findByRegistrationId(console.registrationId());
        String issuer = registration == null ? null : registration.getProviderDetails().getIssuerUri();
        if (issuer == null || issuer.isBlank()) {
            return "";
        }
        URI uri = URI.create(issuer);
        return " " + UriComponentsBuilder.newInstance().scheme(uri.getScheme()).host(uri.getHost()).port(uri.getPort()).toUriString();
    }
}
