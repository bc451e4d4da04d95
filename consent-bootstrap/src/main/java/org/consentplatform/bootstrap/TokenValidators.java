package org.consentplatform.bootstrap;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

import java.util.Collection;

/** Every token must be signed (the decoders accept RS256 only), come from the issuer, name our audience and be within its lifetime. */
public final class TokenValidators {

    private TokenValidators() {
    }

    public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        OAuth2TokenValidator<Jwt> audienceValidator = new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(audience));
        OAuth2TokenValidator<Jwt> expiryRequired = new JwtClaimValidator<Object>(JwtClaimNames.EXP, exp -> exp != null);
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), audienceValidator, expiryRequired);
    }
}
