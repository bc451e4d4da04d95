package org.consentplatform.adapter.in.console.security;

import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.List;
import java.util.function.Supplier;

/**
 * Opens a tenant's console page only to an operator whose ID token names the tenant and who holds
 * one of the permissions (any, when none is named). Another tenant's page is refused before
 * anything is read, as the API does.
 */
public final class ConsoleAccess implements AuthorizationManager<RequestAuthorizationContext> {

    public static final String TENANT_VARIABLE = "tenantId";

    private final String tenantClaim;
    private final List<Permission> anyOf;

    private ConsoleAccess(String tenantClaim, List<Permission> anyOf) {
        this.tenantClaim = tenantClaim;
        this.anyOf = anyOf;
    }

    public static ConsoleAccess of(String tenantClaim, Permission... anyOf) {
        return new ConsoleAccess(tenantClaim, List.of(anyOf));
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        String tenant = context.getVariables().get(TENANT_VARIABLE);
        boolean granted = TechnicalId.isValid(tenant) && Operator.of(authentication.get(), tenantClaim)
                .filter(operator -> operator.actsFor(new TenantId(tenant)))
                .filter(operator -> anyOf.isEmpty() ? !operator.permissions().isEmpty() : anyOf.stream().anyMatch(operator::may))
                .isPresent();
        return new AuthorizationDecision(granted);
    }
}
