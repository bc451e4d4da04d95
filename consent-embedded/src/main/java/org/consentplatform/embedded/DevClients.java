package org.consentplatform.embedded;

import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import java.util.List;
import java.util.function.Supplier;

/**
 * The dev issuer's clients: the service clients, fixed, and the console, whose redirect URIs must
 * name the port this server listens on, known only once it started (tests take a random one).
 */
final class DevClients implements RegisteredClientRepository {

    static final String CONSOLE_CALLBACK = "/console/login/oauth2/code/" + DevConsoleRegistration.REGISTRATION_ID;
    static final String CONSOLE_SIGNED_OUT = "/console/signed-out";

    private final RegisteredClientRepository services;
    private final Supplier<RegisteredClient> consoleClient;
    private volatile RegisteredClient console;

    DevClients(RegisteredClientRepository services, Supplier<RegisteredClient> consoleClient) {
        this.services = services;
        this.consoleClient = consoleClient;
    }

    /** This server as a browser on this machine reaches it. */
    static List<String> localBaseUrls(Environment environment) {
        String port = DevConsoleRegistration.port(environment);
        return List.of("http://localhost:" + port, "http://127.0.0.1:" + port);
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("the dev issuer's clients are configured, not registered");
    }

    @Override
    public RegisteredClient findById(String id) {
        RegisteredClient consoleClient = console();
        return consoleClient.getId().equals(id) ? consoleClient : services.findById(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        RegisteredClient consoleClient = console();
        return consoleClient.getClientId().equals(clientId) ? consoleClient : services.findByClientId(clientId);
    }

    private RegisteredClient console() {
        RegisteredClient built = console;
        if (built == null) {
            built = consoleClient.get();
            console = built;
        }
        return built;
    }
}
