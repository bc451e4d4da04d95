package org.consentplatform.client;

import org.consentplatform.client.invoker.ApiClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemExceptionTest {

    private static final HttpHeaders NONE = HttpHeaders.of(Map.of(), (name, value) -> true);

    @Test
    void theProblemTypeChoosesTheKindAndTheDocumentIsKept() {
        ProblemException invalid = ProblemException.of(400, """
                {"type":"urn:consentplatform:problem:invalid-input","title":"Invalid input","status":400,
                 "detail":"1 invalid field","errors":[{"field":"address","reason":"not a valid email address"}]}""", NONE, json());

        assertThat(invalid).isInstanceOf(ProblemException.InvalidInput.class);
        assertThat(invalid.type()).isEqualTo("urn:consentplatform:problem:invalid-input");
        assertThat(invalid.problem().getErrors()).singleElement().satisfies(error -> assertThat(error.getField()).isEqualTo("address"));
        assertThat(invalid.getMessage()).contains("400", "1 invalid field");
        assertThat(ProblemException.of(409, problem("idempotency-key-reused", 409), NONE, json())).isInstanceOf(ProblemException.Conflict.class);
        assertThat(ProblemException.of(422, problem("rule-violation", 422), NONE, json())).isInstanceOf(ProblemException.RuleViolation.class);
        assertThat(ProblemException.of(404, problem("not-found", 404), NONE, json())).isInstanceOf(ProblemException.NotFound.class);
    }

    @Test
    void aServiceUnavailableSaysWhenToTryAgain() {
        var headers = HttpHeaders.of(Map.of("Retry-After", List.of("5")), (name, value) -> true);

        ProblemException down = ProblemException.of(503, problem("service-unavailable", 503), headers, json());

        assertThat(down).isInstanceOf(ProblemException.Unavailable.class);
        assertThat(down.retryAfter()).contains(Duration.ofSeconds(5));
    }

    @Test
    void anAnswerWithoutAProblemDocumentIsTypedByItsStatus() {
        assertThat(ProblemException.of(502, "<html>Bad gateway</html>", NONE, json())).isInstanceOf(ProblemException.Unavailable.class)
                .satisfies(problem -> assertThat(problem.problem()).isNull());
        assertThat(ProblemException.of(401, null, NONE, json())).isInstanceOf(ProblemException.Unauthenticated.class);
        assertThat(ProblemException.of(500, "", NONE, json())).isExactlyInstanceOf(ProblemException.class);
    }

    private static String problem(String kind, int status) {
        return "{\"type\":\"urn:consentplatform:problem:" + kind + "\",\"title\":\"t\",\"status\":" + status + ",\"detail\":\"d\"}";
    }

    private static com.fasterxml.jackson.databind.ObjectMapper json() {
        return ApiClient.createDefaultObjectMapper();
    }
}
