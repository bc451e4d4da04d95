package org.consentplatform.embedded;

import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;

/**
 * The console's OpenID Connect registration with the dev issuer on this same server. The browser
 * is sent to a relative authorization URI (whichever host it used), the code is exchanged on the
 * port the server listens on, and logout goes through the issuer's RP-initiated logout endpoint.
 */
final class DevConsoleRegistration implements ClientRegistrationRepository {

    static final String REGISTRATION_ID = "consent";

    private final String issuer;
    private final String clientId;
    private final String clientSecret;
    private final Environment environment;
    private volatile ClientRegistration registration;

    DevConsoleRegistration(String issuer, String clientId, String clientSecret, Environment environment) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.environment = environment;
    }

    static String port(Environment environment) {
        return environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration built = registration;
        if (built == null) {
            String self = "http://localhost:" + port(environment);
            built = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                    .clientName("Dev identity provider")
                    .clientId(clientId)
                    .clientSecret(clientSecret)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}" + DevClients.CONSOLE_CALLBACK)
                    .scope(OidcScopes.OPENID, OidcScopes.PROFILE)
                    .issuerUri(issuer)
                    .authorizationUri("/oauth2/authorize")
                    .tokenUri(self + "/oauth2/token")
                    .jwkSetUri(self + "/oauth2/jwks")
                    .userNameAttributeName(IdTokenClaimNames.SUB)
                    .providerConfigurationMetadata(java.util.Map.of("end_session_endpoint", "/connect/logout"))
                    .build();
            registration = built;
        }
        return built;
    }
}
