package org.consentplatform.adapter.in.console;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How the operator console signs people in.
 *
 * @param registrationId the Spring Security OAuth2 client registration to sign in with
 *                       ({@code spring.security.oauth2.client.registration.<id>})
 * @param tenantClaim    the ID token claim listing the person's tenants (a list or one string)
 * @param rolesClaim     the ID token claim listing their roles (marketer, compliance, auditor, admin); a
 *                       dotted path reaches into objects, as Keycloak's {@code realm_access.roles}
 * @param actorClient    the client recorded with an operator's change, beside the operator
 * @param session        how long an idle session lasts, and its cookie
 */
@Validated
@ConfigurationProperties("consent.console")
public record ConsoleProperties(@DefaultValue("consent") @NotBlank String registrationId,
                                @DefaultValue("tenant_ids") @NotBlank String tenantClaim,
                                @DefaultValue("roles") @NotBlank String rolesClaim,
                                @DefaultValue("consent-console") @NotBlank String actorClient,
                                @DefaultValue @Valid Session session) {

    /**
     * @param timeout      idle time after which a person signs in again
     * @param cookieName   the session cookie; the {@code __Host-} prefix makes browsers insist on Secure, path / and no domain
     * @param secureCookie whether the cookie is sent over https only (off only for plain http on localhost)
     */
    public record Session(@DefaultValue("30m") Duration timeout, @DefaultValue("__Host-consent-session") @NotBlank String cookieName,
                          @DefaultValue("true") boolean secureCookie) {
    }
}
