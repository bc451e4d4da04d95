package org.consentplatform.acceptance.operations;

import org.consentplatform.acceptance.support.RunningService;
import org.consentplatform.acceptance.support.World;
import org.consentplatform.client.ConsentClient;
import org.consentplatform.client.ProblemException;
import org.consentplatform.client.model.BatchDecision;
import org.consentplatform.client.model.Capture;
import org.consentplatform.client.model.Change;
import org.consentplatform.client.model.Decision;
import org.consentplatform.client.model.DecisionRequest;
import org.consentplatform.client.model.NewProfile;
import org.consentplatform.client.model.Purpose;
import org.consentplatform.client.model.Topic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A whole flow through the generated Java client (consent-client), over HTTP with tokens it gets
 * itself: a profile, captures, decisions one by one and streamed by the thousand, and problems as
 * typed exceptions. The client is generated from docs/openapi.json, which the service must serve:
 * an API change that breaks it breaks this build.
 */
@RunningService
class ClientFlowTest {

    private static final String TENANT = "acme";

    @LocalServerPort
    private int port;
    private ConsentClient consent;
    private String profile;

    @BeforeEach
    void setUp() {
        consent = client("demo-admin-secret");
        profile = World.unique("client");
    }

    private ConsentClient client(String secret) {
        return ConsentClient.builder(URI.create("http://localhost:" + port))
                .clientCredentials(URI.create("http://localhost:" + port + "/oauth2/token"), "demo-admin", secret,
                        "consent:admin consent:read consent:write consent:decide consent:audit")
                .build();
    }

    @Test
    void aProfileCapturesAndDecisionsOneByOneAndStreamed() {
        consent.call(() -> consent.profiles().createProfile(TENANT, new NewProfile().id(profile).name("Client flow")
                .addPurposesItem(new Purpose().id("newsletter").name("Newsletter").type(Purpose.TypeEnum.COMMERCIAL)
                        .putModelsItem("EMAIL", Purpose.InnerEnum.RESTRICTIVE).addTopicsItem(new Topic().id("shoes").name("Shoes")))));
        String ann = World.unique("ann") + "@example.com";
        String bob = World.unique("bob") + "@example.com";

        Change optIn = consent.call(() -> consent.consents().captureConsent(TENANT, capture(ann, Capture.StateEnum.OPTED_IN)));
        consent.call(() -> consent.consents().captureConsent(TENANT, capture(bob, Capture.StateEnum.OPTED_OUT)));
        Decision toAnn = consent.call(() -> consent.decisions().decide(TENANT, request(ann)));
        Decision toBob = consent.call(() -> consent.decisions().decide(TENANT, request(bob)));

        assertThat(optIn.getSeq()).isEqualTo(1L);
        assertThat(toAnn.getSend()).isTrue();
        assertThat(toBob.getSend()).isFalse();

        int count = 20_000;
        var sent = new AtomicLong();
        Stream<DecisionRequest> requests = IntStream.range(0, count).mapToObj(i -> {
            sent.incrementAndGet();
            return request(i % 2 == 0 ? ann : bob);
        });
        try (Stream<BatchDecision> answers = consent.decideAll(TENANT, requests)) {
            var expectedLine = new AtomicLong(1);
            var pulledAtFirstAnswer = new AtomicLong();
            long sends = answers.peek(answer -> {
                pulledAtFirstAnswer.compareAndSet(0, sent.get());
                assertThat(answer.getLine()).isEqualTo(expectedLine.getAndIncrement());
            }).filter(answer -> Boolean.TRUE.equals(answer.getSend())).count();
            assertThat(expectedLine.get() - 1).as("an answer per request, in order, lines counted over the stream").isEqualTo(count);
            assertThat(sends).as("every other one is Ann's").isEqualTo(count / 2);
            assertThat(pulledAtFirstAnswer.get()).as("answers arrive while the stream is still being pulled").isLessThan(count / 2);
        }
        assertThat(sent.get()).isEqualTo(count);
    }

    @Test
    void problemsArriveAsTypedExceptionsWithTheirDetails() {
        consent.call(() -> consent.profiles().createProfile(TENANT, new NewProfile().id(profile).name("Problems")));

        assertThatThrownBy(() -> consent.call(() -> consent.consents().captureConsent(TENANT,
                capture("not an address", Capture.StateEnum.OPTED_IN).purposeId("commercial"))))
                .isInstanceOfSatisfying(ProblemException.InvalidInput.class, problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.type()).isEqualTo("urn:consentplatform:problem:invalid-input");
                    assertThat(problem.problem().getErrors()).anySatisfy(error -> assertThat(error.getField()).isEqualTo("address"));
                });
        assertThatThrownBy(() -> consent.call(() -> consent.profiles().getProfile(TENANT, "no-such-profile")))
                .isInstanceOf(ProblemException.NotFound.class);
        assertThatThrownBy(() -> consent.call(() -> consent.profiles().createProfile(TENANT, new NewProfile().id(profile).name("Again"))))
                .isInstanceOf(ProblemException.Conflict.class);
        assertThatThrownBy(() -> consent.call(() -> consent.profiles().listProfiles("globex-" + profile)))
                .as("a tenant the token does not name").isInstanceOf(ProblemException.Forbidden.class);
        ConsentClient wrongSecret = client("not-the-secret");
        assertThatThrownBy(() -> wrongSecret.call(() -> wrongSecret.profiles().listProfiles(TENANT)))
                .as("the token endpoint refuses the client").isInstanceOf(ProblemException.Unauthenticated.class);
    }

    private Capture capture(String address, Capture.StateEnum state) {
        return new Capture().profileId(profile).channel("EMAIL").address(address).purposeId("newsletter").state(state)
                .capturedAt(OffsetDateTime.parse("2026-11-20T09:30:00Z"));
    }

    private DecisionRequest request(String address) {
        return new DecisionRequest().profileId(profile).purposeId("newsletter").channel("EMAIL").address(address);
    }
}
