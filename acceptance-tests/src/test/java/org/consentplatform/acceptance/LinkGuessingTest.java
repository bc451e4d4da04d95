package org.consentplatform.acceptance;

import org.consentplatform.acceptance.support.HttpApi;
import org.consentplatform.acceptance.support.RunningService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Guessing confirmation tokens: after a few links that lead nowhere, the client is slowed down. */
@RunningService
@TestPropertySource(properties = "consent.double-opt-in.limits.wrong-links-per-client=5")
class LinkGuessingTest {

    @LocalServerPort
    private int port;

    @Test
    void aClientPresentingWrongLinksIsRefusedForAWhile() {
        var api = new HttpApi(port);
        for (int i = 0; i < 5; i++) {
            String guess = "/confirm/" + ("guess" + i + "x".repeat(43)).substring(0, 43);
            assertThat(api.call(i % 2 == 0 ? "POST" : "GET", guess, null, null, null, Map.of()).status()).isEqualTo(404);
        }

        HttpApi.Response refused = api.call("POST", "/confirm/" + "y".repeat(43), null, null, null, Map.of());

        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(refused.body()).contains("id=\"too-many-attempts\"");
    }
}
