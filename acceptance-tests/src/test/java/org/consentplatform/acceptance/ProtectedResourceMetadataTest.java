package org.consentplatform.acceptance;

import org.consentplatform.acceptance.support.HttpApi;
import org.consentplatform.acceptance.support.RunningService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A 401 points at RFC 9728 metadata, and that metadata is served (it used to answer 403). */
@RunningService
class ProtectedResourceMetadataTest {

    @LocalServerPort
    private int port;

    @Test
    void theMetadataAUnauthenticatedAnswerAdvertisesIsServed() {
        var api = new HttpApi(port);
        HttpApi.Response refused = api.get("/api/v1/tenants/acme/profiles", null);
        Matcher advertised = Pattern.compile("resource_metadata=\"([^\"]+)\"").matcher(refused.header("WWW-Authenticate"));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(advertised.find()).as(refused.header("WWW-Authenticate")).isTrue();

        HttpApi.Response metadata = api.get(advertised.group(1).replaceFirst("^https?://[^/]+", ""), null);

        assertThat(metadata.status()).as(metadata.body()).isEqualTo(200);
        JsonNode document = metadata.json();
        assertThat(document.get("resource").asString()).isEqualTo("http://localhost:" + port);
        var scopes = new ArrayList<String>();
        document.get("scopes_supported").forEach(scope -> scopes.add(scope.asString()));
        assertThat(scopes).contains("consent:read", "consent:write", "consent:decide", "consent:audit", "consent:import", "consent:admin", "consent:privacy");
        assertThat(document.get("bearer_methods_supported").toString()).isEqualTo("[\"header\"]");
    }
}
