package org.consentplatform.adapter.in.http;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The intake carries no bearer token: providers sign each request with the tenant's secret
 * instead, checked by the controller against the exact bytes received (a filter reading the body
 * first would have to buffer it twice). No session, no CSRF token: nothing here is a browser.
 */
@Configuration(proxyBeanMethods = false)
class IntakeSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain intakeChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/inbound/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.POST, InboundIntakeController.PATH).permitAll()
                        .anyRequest().denyAll());
        return http.build();
    }
}
