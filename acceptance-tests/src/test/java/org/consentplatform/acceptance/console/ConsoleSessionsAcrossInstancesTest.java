package org.consentplatform.acceptance.console;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.consentplatform.acceptance.support.ConsoleSession;
import org.consentplatform.acceptance.support.TestKeys;
import org.consentplatform.bootstrap.ConsentApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances behind one store and no sticky sessions: a person signed in on one is signed in
 * on the other, and signing out on either ends the session on both (ADR 35).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleSessionsAcrossInstancesTest {

    private static MongoServer mongo;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    private final ConsoleSession browser = new ConsoleSession();

    @BeforeAll
    static void twoInstancesOneStore() {
        mongo = new MongoServer(new MemoryBackend());
        String uri = "mongodb://127.0.0.1:" + mongo.bind().getPort();
        first = start(uri, "console-a");
        second = start(uri, "console-b");
    }

    @AfterAll
    static void stop() {
        for (var instance : new ConfigurableApplicationContext[]{first, second}) {
            if (instance != null) {
                instance.close();
            }
        }
        mongo.shutdownNow();
    }

    @Test
    @Order(1)
    void aSessionStartedOnOneInstanceIsKnownToTheOtherUntilItEndsOnEither() throws Exception {
        browser.signIn(base(first), "demo-marketer");

        HttpResponse<String> onSecond = browser.get(base(second) + "/console/t/acme");
        assertThat(onSecond.statusCode()).isEqualTo(200);
        assertThat(onSecond.body()).contains("Signed in as Marc Marketer");

        HttpResponse<String> signedOut = browser.post(base(second) + "/console/logout", "_csrf=" + ConsoleSession.csrf(onSecond.body()));
        assertThat(signedOut.statusCode()).isEqualTo(302);

        HttpResponse<String> onFirst = browser.get(base(first) + "/console/t/acme");
        assertThat(onFirst.statusCode()).as("the session is gone on the first instance too").isEqualTo(302);
        assertThat(onFirst.headers().firstValue("Location").orElseThrow()).endsWith("/console/oauth2/authorization/consent");
    }

    @Test
    @Order(2)
    void aSessionCookieThatNamesNoSessionSignsNobodyIn() throws Exception {
        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(URI.create(base(second) + "/console/t/acme"))
                .header("Accept", "text/html").header("Cookie", "consent-session=" + "Zm9yZ2Vk").build());

        assertThat(forged.statusCode()).isEqualTo(302);
        assertThat(forged.headers().firstValue("Location").orElseThrow()).endsWith("/console/oauth2/authorization/consent");
    }

    /** Last: the store goes away for good. A session it cannot read is a 503 that says to retry, not a 500. */
    @Test
    @Order(3)
    void whileTheStoreIsDownTheConsoleAnswers503() throws Exception {
        browser.signIn(base(first), "demo-marketer");
        mongo.shutdownNow();

        HttpResponse<String> page = browser.get(base(second) + "/console/t/acme");

        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).contains("5");
        assertThat(page.body()).contains("Try again shortly");
    }

    private static String base(ConfigurableApplicationContext instance) {
        return "http://localhost:" + instance.getEnvironment().getProperty("local.server.port");
    }

    private static ConfigurableApplicationContext start(String mongoUri, String instance) {
        return new SpringApplicationBuilder(ConsentApplication.class).run("--server.port=0",
                "--consent.embedded.mongo.enabled=false", "--spring.mongodb.uri=" + mongoUri, "--spring.mongodb.database=sessions",
                "--consent.embedded.kafka.enabled=false", "--spring.kafka.bootstrap-servers=127.0.0.1:1",
                "--spring.kafka.listener.auto-startup=false", "--spring.kafka.admin.auto-create=false", "--consent.outbox.poll-interval=PT1H",
                "--consent.embedded.mail.port=0", "--consent.dev-issuer.jwk-file=" + TestKeys.ISSUER_FILE,
                "--consent.receipts.jwk-file=" + TestKeys.RECEIPT_KEY_FILE,
                "--consent.keys.master-keyset-file=" + TestKeys.MASTER_KEYSET_FILE, "--consent.links.jwk-file=" + TestKeys.LINK_KEYS_FILE,
                "--consent.instance-id=" + instance, "--logging.level.root=WARN", "--logging.level.org.apache.kafka=OFF");
    }
}
