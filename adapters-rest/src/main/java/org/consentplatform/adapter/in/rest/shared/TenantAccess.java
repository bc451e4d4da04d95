package org.consentplatform.adapter.in.rest.shared;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.Collection;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Grants a tenant-scoped call only to a token that names the tenant in its tenant claim and
 * holds one of the scopes. Another tenant's path is refused before anything is read, so a 403
 * reveals nothing about what exists there.
 */
final class TenantAccess implements AuthorizationManager<RequestAuthorizationContext> {

    static final String READ = "consent:read";
    static final String WRITE = "consent:write";
    static final String DECIDE = "consent:decide";
    static final String IMPORT = "consent:import";
    static final String AUDIT = "consent:audit";
    static final String ADMIN = "consent:admin";
    /** Data subjects' requests: what is held about a person, and its erasure. */
    static final String PRIVACY = "consent:privacy";
    static final String[] ANY = {READ, WRITE, DECIDE, IMPORT, AUDIT, ADMIN, PRIVACY};
    /** The service's metrics, for a scraper: no tenant's data, so no tenant claim, and no access to any tenant path. */
    static final String METRICS = "consent:metrics";

    private final String tenantClaim;
    private final Set<String> authorities;

    private TenantAccess(String tenantClaim, String... scopes) {
        this.tenantClaim = tenantClaim;
        this.authorities = Stream.of(scopes).map(scope -> "SCOPE_" + scope).collect(Collectors.toUnmodifiableSet());
    }

    static TenantAccess of(String tenantClaim, String... scopes) {
        return new TenantAccess(tenantClaim, scopes);
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        if (!(authentication.get() instanceof JwtAuthenticationToken token)) {
            return new AuthorizationDecision(false);
        }
        String tenant = context.getVariables().get("tenantId");
        Object claim = token.getToken().getClaims().get(tenantClaim);
        boolean tenantGranted = tenant != null && (claim instanceof Collection<?> tenants ? tenants.contains(tenant) : tenant.equals(claim));
        boolean scopeGranted = token.getAuthorities().stream().anyMatch(a -> authorities.contains(a.getAuthority()));
        return new AuthorizationDecision(tenantGranted && scopeGranted);
    }
}
