package org.consentplatform.bootstrap;

import org.consentplatform.adapter.in.rest.shared.SecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.util.function.Supplier;

/**
 * Tokens of the customer's identity provider, by issuer (discovery) or an explicit JWK set URI;
 * in the embedded profile too once an issuer is named (see {@link IdentityProvider}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(IdentityProvider.Configured.class)
class ProductionSecurity {

    @Bean
    JwtDecoder jwtDecoder(SecurityProperties security) {
        String issuer = security.issuerUri();
        String jwkSetUri = security.jwkSetUri();
        if (issuer.isBlank()) {
            throw new IllegalStateException("consent.security.issuer-uri is not set: name the identity provider whose tokens "
                    + "the API accepts (CONSENT_SECURITY_ISSUER_URI), or run with the embedded profile; see docs/operations.md");
        }
        return new DiscoveredWhenReachable(() -> {
            NimbusJwtDecoder decoder = jwkSetUri.isBlank()
                    ? NimbusJwtDecoder.withIssuerLocation(issuer).jwsAlgorithm(SignatureAlgorithm.RS256).build()
                    : NimbusJwtDecoder.withJwkSetUri(jwkSetUri).jwsAlgorithm(SignatureAlgorithm.RS256).build();
            decoder.setJwtValidator(TokenValidators.validator(issuer, security.audience()));
            return decoder;
        });
    }

    /**
     * The identity provider's discovery document is read at the first token, not at start-up, and
     * read again at the next token while it cannot be: an IdP that is down when the service starts
     * delays nothing but those tokens, which get a 503 meanwhile (an authentication service failure,
     * not a bad token).
     */
    static final class DiscoveredWhenReachable implements JwtDecoder {

        private final Supplier<JwtDecoder> discover;
        private volatile JwtDecoder decoder;

        DiscoveredWhenReachable(Supplier<JwtDecoder> discover) {
            this.discover = discover;
        }

        @Override
        public Jwt decode(String token) {
            JwtDecoder current = decoder;
            if (current == null) {
                try {
                    current = discover.get();
                } catch (RuntimeException e) {
                    throw new JwtException("the identity provider cannot be reached: " + e.getMessage(), e);
                }
                decoder = current;
            }
            return current.decode(token);
        }
    }
}
