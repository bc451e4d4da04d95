package org.consentplatform.acceptance.support;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Tokens minted by hand, each wrong in exactly one way, to prove the API refuses them. */
public final class Tokens {

    public static final String ISSUER = "http://localhost:8080";
    public static final String AUDIENCE = "consent-api";
    public static final List<String> ALL_SCOPES = List.of("consent:admin", "consent:read", "consent:write", "consent:decide",
            "consent:audit", "consent:import", "consent:privacy");

    private Tokens() {
    }

    public static JWTClaimsSet.Builder valid(List<String> tenants, List<String> scopes) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject("hand-made").issuer(ISSUER).audience(AUDIENCE)
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("tenant_ids", tenants).claim("scope", String.join(" ", scopes));
    }

    public static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }
}
