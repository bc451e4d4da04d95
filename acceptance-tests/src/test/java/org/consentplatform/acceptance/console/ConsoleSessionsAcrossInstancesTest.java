package org.consentplatform.acceptance.console;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
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

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances behind one store and no sticky sessions: a person signed in on one is signed in
 * on the other, and signing out on either ends the session on both (ADR 35).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleSessionsAcrossInstancesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static MongoServer mongo;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).build();

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
        signIn(base(first), "demo-marketer");

        HttpResponse<String> onSecond = get(base(second) + "/console/t/acme");
        assertThat(onSecond.statusCode()).isEqualTo(200);
        assertThat(onSecond.body()).contains("Signed in as Marc Marketer");

        HttpResponse<String> signedOut = post(base(second) + "/console/logout", "_csrf=" + csrf(onSecond.body()));
        assertThat(signedOut.statusCode()).isEqualTo(302);

        HttpResponse<String> onFirst = get(base(first) + "/console/t/acme");
        assertThat(onFirst.statusCode()).as("the session is gone on the first instance too").isEqualTo(302);
        assertThat(onFirst.headers().firstValue("Location").orElseThrow()).endsWith("/console/oauth2/authorization/consent");
    }

    @Test
    @Order(2)
    void aSessionCookieThatNamesNoSessionSignsNobodyIn() throws Exception {
        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(URI.create(base(second) + "/console/t/acme"))
                .header("Accept", "text/html").header("Cookie", "consent-session=" + "Zm9yZ2Vk").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(forged.statusCode()).isEqualTo(302);
        assertThat(forged.headers().firstValue("Location").orElseThrow()).endsWith("/console/oauth2/authorization/consent");
    }

    /** Last: the store goes away for good. A session it cannot read is a 503 that says to retry, not a 500. */
    @Test
    @Order(3)
    void whileTheStoreIsDownTheConsoleAnswers503() throws Exception {
        signIn(base(first), "demo-marketer");
        mongo.shutdownNow();

        HttpResponse<String> page = get(base(second) + "/console/t/acme");

        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).contains("5");
        assertThat(page.body()).contains("Try again shortly");
    }

    /** The whole OpenID Connect round: the console sends the browser to the issuer, its form signs in, the code comes back. */
    private void signIn(String base, String username) throws Exception {
        String authorize = location(get(base + "/console/oauth2/authorization/consent"));
        assertThat(authorize).contains("code_challenge=").contains("code_challenge_method=S256");
        String loginPage = location(get(authorize));
        HttpResponse<String> form = get(loginPage);
        String afterLogin = location(post(base + "/dev-issuer/login", "username=" + username + "&password=" + username
                + "-password&_csrf=" + csrf(form.body())));
        String callback = location(get(afterLogin));
        assertThat(callback).contains("/console/login/oauth2/code/consent?code=");
        assertThat(location(get(callback))).endsWith("/console");
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String form) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri() + " redirects").isEqualTo(302);
        return response.uri().resolve(response.headers().firstValue("Location").orElseThrow()).toString();
    }

    private static String csrf(String page) {
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("a CSRF token in the page").isTrue();
        return URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
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
                "--consent.receipts.jwk-file=" + TestKeys.RECEIPT_KEY_FILE, "--consent.links.jwk-file=" + TestKeys.LINK_KEYS_FILE,
                "--consent.instance-id=" + instance, "--logging.level.root=WARN", "--logging.level.org.apache.kafka=OFF");
    }
}
