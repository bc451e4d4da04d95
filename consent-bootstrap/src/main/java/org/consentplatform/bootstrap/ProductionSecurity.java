package org.consentplatform.bootstrap;

import org.consentplatform.adapter.in.rest.shared.SecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

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
        NimbusJwtDecoder decoder = jwkSetUri.isBlank()
                ? NimbusJwtDecoder.withIssuerLocation(issuer).jwsAlgorithm(SignatureAlgorithm.RS256).build()
                : NimbusJwtDecoder.withJwkSetUri(jwkSetUri).jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(TokenValidators.validator(issuer, security.audience()));
        return decoder;
    }
}
