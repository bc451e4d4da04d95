package org.consentplatform.bootstrap;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whose tokens the API accepts. The customer's identity provider, always outside the embedded
 * profile and inside it as soon as {@value #ISSUER} names one; otherwise the embedded profile's
 * dev token issuer stands in. Never both: the dev issuer must not sign tokens stamped with a
 * real issuer's name while the real issuer's tokens are refused.
 */
public final class IdentityProvider {

    public static final String ISSUER = "consent.security.issuer-uri";

    private IdentityProvider() {
    }

    private static boolean named(ConditionContext context) {
        String issuer = context.getEnvironment().getProperty(ISSUER);
        return issuer != null && !issuer.isBlank();
    }

    private static boolean embedded(ConditionContext context) {
        return context.getEnvironment().acceptsProfiles(Profiles.of("embedded"));
    }

    /** Tokens are the customer's identity provider's. */
    public static final class Configured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return named(context) || !embedded(context);
        }
    }

    /** The embedded profile's dev token issuer stands in for an identity provider. */
    public static final class StoodInFor implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return embedded(context) && !named(context);
        }
    }
}
