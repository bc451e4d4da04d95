package org.consentplatform.adapter.in.console.security;

import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The person signed in to the console, as their ID token and the permissions mapped from it say.
 *
 * @param actorId what the history records as the actor of their changes: a readable name
 *                (preferred username, else email, else subject)
 */
public record Operator(String subject, String displayName, String actorId, List<TenantId> tenants, Set<Permission> permissions) {

    public Operator {
        tenants = List.copyOf(tenants);
        // in the enum's order, for pages that list them
        permissions = Collections.unmodifiableSet(permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions));
    }

    /** The operator behind an authentication; empty when it is not a console sign-in. */
    public static Optional<Operator> of(Authentication authentication, String tenantClaim) {
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser user)) {
            return Optional.empty();
        }
        var permissions = EnumSet.noneOf(Permission.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            if (authority instanceof Permission permission) {
                permissions.add(permission);
            } else {
                for (Permission permission : Permission.values()) {
                    if (permission.getAuthority().equals(authority.getAuthority())) {
                        permissions.add(permission);
                    }
                }
            }
        }
        Map<String, Object> claims = user.getClaims();
        String actor = firstText(claims, StandardClaimNames.PREFERRED_USERNAME, StandardClaimNames.EMAIL).orElse(user.getSubject());
        String name = firstText(claims, StandardClaimNames.NAME).orElse(actor);
        return Optional.of(new Operator(user.getSubject(), name, actor, tenants(claims.get(tenantClaim)), permissions));
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    public boolean actsFor(TenantId tenant) {
        return tenants.contains(tenant);
    }

    /** Who the history names for a change made in the console. */
    public Actor actor(String consoleClient) {
        return new Actor(actorId, consoleClient);
    }

    private static List<TenantId> tenants(Object claim) {
        Collection<?> values = claim instanceof Collection<?> many ? many : claim == null ? List.of() : List.of(claim);
        return values.stream().filter(value -> value instanceof String text && TechnicalId.isValid(text))
                .map(value -> new TenantId((String) value)).distinct().toList();
    }

    private static Optional<String> firstText(Map<String, Object> claims, String... names) {
        for (String name : names) {
            if (claims.get(name) instanceof String text && !text.isBlank()) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }
}
