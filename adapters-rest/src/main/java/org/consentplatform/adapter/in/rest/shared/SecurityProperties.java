package org.consentplatform.adapter.in.rest.shared;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which tokens the API accepts.
 *
 * @param issuerUri   the identity provider's issuer; tokens must carry exactly this iss. Empty: the embedded
 *                    dev issuer (embedded profile only)
 * @param jwkSetUri   the provider's JWK set, when its discovery document cannot be reached; empty: discovered
 * @param audience    the aud tokens must contain
 * @param tenantClaim the claim listing the tenants a token may act for (a list or a single string)
 */
@Validated
@ConfigurationProperties("consent.security")
public record SecurityProperties(@DefaultValue("") String issuerUri, @DefaultValue("") String jwkSetUri,
                                 @DefaultValue("consent-api") @NotBlank String audience,
                                 @DefaultValue("tenant_ids") @NotBlank String tenantClaim) {
}
