package org.consentplatform.adapter.in.console.security;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Signs a person in with the permissions their roles claim and their access token's scopes give;
 * anything else the provider grants is dropped, so only {@link Permission}s open console pages.
 */
public final class OperatorUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService delegate = new OidcUserService();
    private final String rolesClaim;

    public OperatorUserService(String rolesClaim) {
        this.rolesClaim = rolesClaim;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = delegate.loadUser(request);
        var permissions = EnumSet.noneOf(Permission.class);
        for (String role : roles(user.getClaims(), rolesClaim)) {
            OperatorRole.named(role).ifPresent(known -> permissions.addAll(known.permissions()));
        }
        permissions.addAll(OperatorRole.ofScopes(request.getAccessToken().getScopes()));
        return new DefaultOidcUser(permissions, user.getIdToken(), user.getUserInfo(), IdTokenClaimNames.SUB);
    }

    /** The strings at a claim path such as {@code roles} or {@code realm_access.roles}. */
    static List<String> roles(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String part : path.split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(part) : null;
        }
        if (value instanceof String one) {
            return List.of(one);
        }
        return value instanceof Collection<?> many
                ? many.stream().filter(String.class::isInstance).map(String.class::cast).toList() : List.of();
    }
}
