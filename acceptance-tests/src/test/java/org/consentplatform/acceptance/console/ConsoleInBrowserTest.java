package org.consentplatform.acceptance.console;

import org.consentplatform.acceptance.support.Chromium;
import org.consentplatform.acceptance.support.Console;
import org.consentplatform.acceptance.support.HttpApi;
import org.consentplatform.acceptance.support.RunningService;
import org.consentplatform.acceptance.support.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.consentplatform.application.port.in.CountChanges;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator console in a real browser (headless Chromium): signing in through the dev
 * issuer's form, the consent center's grid and its reasons, an operator's change that the next
 * decision sees, what an auditor may not do, tenants, signing out, and axe-core's accessibility
 * check on each page.
 *
 * <p>With {@code -Dscreenshots.dir=<dir>} it also saves the pages as {@code docs/images/console-*.png}.
 */
@RunningService
class ConsoleInBrowserTest {

    @LocalServerPort
    private int port;
    @Autowired
    private CountChanges counting;
    private ChromeDriver browser;
    private World world;
    private String profile;
    private String address;

    /** A shop whose newsletter needs an opt-in by email; the person opted out of it and into its offers topic. */
    @BeforeEach
    void aPersonWhoOptedOutOfTheNewsletter() {
        world = new World(port);
        profile = World.unique("shop");
        var news = new LinkedHashMap<>(World.purpose("news", "COMMERCIAL", Map.of("EMAIL", "RESTRICTIVE", "SMS", "RESTRICTIVE"), List.of()));
        news.put("name", "Newsletter");
        news.put("topics", List.of(Map.of("id", "offers", "name", "Member offers")));
        var orders = new LinkedHashMap<>(World.purpose("orders", "TRANSACTIONAL", Map.of(), List.of()));
        orders.put("name", "Order updates");
        World.ok(world.createProfile(profile, List.of(news, orders, World.purpose("tracking", "TRACKING", Map.of(), List.of()))));
        address = World.unique("ada") + "@example.com";
        world.capture(profile, "EMAIL", address, "news", null, "OPTED_OUT", Instant.now().minusSeconds(120));
        world.capture(profile, "EMAIL", address, "news", "offers", "OPTED_IN", Instant.now().minusSeconds(120));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aMarketerReadsWhyAMessageIsBlockedChangesTheRecordAndTheNextDecisionFollows() {
        browser = Chromium.start("en-GB");
        browser.get("http://localhost:" + port + "/console");
        Chromium.awaitElement(browser, By.id("username"));
        assertThat(Console.seriousAccessibilityViolations(browser)).as("the dev issuer's sign-in form").isEmpty();
        Console.signIn(browser, port, "demo-marketer");
        assertThat(browser.getCurrentUrl()).endsWith("/console/t/acme");
        assertThat(browser.findElement(By.id("signed-in-as")).getText()).isEqualTo("Signed in as Marc Marketer");
        assertThat(Console.seriousAccessibilityViolations(browser)).as("home").isEmpty();
        Console.screenshot(browser, "home");

        browser.findElement(By.id("tile-people")).click();
        find("email", address.toUpperCase(), profile);

        WebElement purpose = cell("news", "");
        assertThat(purpose.getAttribute("data-send")).isEqualTo("false");
        assertThat(purpose.findElement(By.cssSelector(".state")).getText()).isEqualTo("Opted out");
        assertThat(purpose.findElement(By.cssSelector(".why")).getText())
                .isEqualTo("Purpose “news” on EMAIL follows the restrictive model (an opt-in is needed) and its record is Opted out: "
                        + "messages are blocked.");
        WebElement topic = cell("news", "offers");
        assertThat(topic.findElement(By.cssSelector(".without-effect")).getText())
                .as("the topic's opt-in does not change its contactability").isEqualTo("Opted in, but this changes nothing: messages stay blocked.");
        assertThat(summary("EMAIL")).isEqualTo("false");
        assertThat(Console.seriousAccessibilityViolations(browser)).as("consent center").isEmpty();
        Console.screenshot(browser, "consent-center");

        purpose.findElement(By.cssSelector("details.change summary")).click();
        purpose.findElement(By.cssSelector("input[value=OPTED_IN]")).click();
        purpose.findElement(By.cssSelector("textarea[name=reason]")).sendKeys("She asked on the phone on 2 December to get the newsletter again");
        purpose.findElement(By.cssSelector("button[type=submit]")).click();

        assertThat(Chromium.awaitElement(browser, By.id("changed")).getText())
                .isEqualTo("Recorded: news on " + address + " is now Opted in (applied).");
        assertThat(cell("news", "").getAttribute("data-send")).isEqualTo("true");
        assertThat(cell("news", "offers").getAttribute("data-send")).isEqualTo("true");
        assertThat(cell("news", "offers").findElements(By.cssSelector(".without-effect"))).isEmpty();
        assertThat(summary("EMAIL")).isEqualTo("true");

        assertThat(world.decide(profile, "news", "offers", "EMAIL", address, null).get("send").asBoolean())
                .as("the next decision over the API").isTrue();
        JsonNode change = lastChange("news");
        assertThat(change.get("source").asString()).isEqualTo("OPERATOR");
        assertThat(change.get("actor").asString()).isEqualTo("demo-marketer");
        assertThat(change.get("actorClient").asString()).isEqualTo("consent-console");
        assertThat(change.at("/evidence/reason").asString()).isEqualTo("She asked on the phone on 2 December to get the newsletter again");
    }

    @Test
    void aChangeWithoutAReasonIsRefusedAndRecordsNothing() {
        browser = Chromium.start("en-GB");
        Console.signIn(browser, port, "demo-marketer");
        browser.get("http://localhost:" + port + "/console/t/acme/people?kind=email&find=" + address + "&profile=" + profile);
        WebElement purpose = cell("news", "");
        purpose.findElement(By.cssSelector("details.change summary")).click();
        purpose.findElement(By.cssSelector("input[value=OPTED_IN]")).click();
        // what a browser that ignores "required" would send
        ((JavascriptExecutor) browser).executeScript("arguments[0].removeAttribute('required')",
                purpose.findElement(By.cssSelector("textarea[name=reason]")));
        purpose.findElement(By.cssSelector("button[type=submit]")).click();

        assertThat(Chromium.awaitElement(browser, By.id("refusal")).getText()).contains("evidence.reason: is required when source is OPERATOR");
        assertThat(lastChange("news").get("after").get("state").asString()).as("nothing recorded").isEqualTo("OPTED_OUT");
    }

    @Test
    void anAuditorReadsTheConsentCenterButCanChangeNothing() {
        browser = Chromium.start("en-GB");
        Console.signIn(browser, port, "demo-auditor");
        browser.get("http://localhost:" + port + "/console/t/acme/people?kind=email&find=" + address + "&profile=" + profile);

        assertThat(cell("news", "").getAttribute("data-send")).isEqualTo("false");
        assertThat(browser.findElements(By.cssSelector("details.change"))).as("no change form").isEmpty();
        // a change posted anyway, with the session's own CSRF token, is refused before anything is read
        ((JavascriptExecutor) browser).executeScript("""
                const form = document.createElement('form');
                form.method = 'post';
                form.action = '/console/t/acme/people/records';
                const fields = {_csrf: document.querySelector('form.signout input[name=_csrf]').value, profileId: arguments[0],
                    purposeId: 'news', channel: 'EMAIL', address: arguments[1], state: 'OPTED_IN', reason: 'not allowed'};
                for (const [name, value] of Object.entries(fields)) {
                    const input = document.createElement('input');
                    input.type = 'hidden'; input.name = name; input.value = value; form.appendChild(input);
                }
                document.body.appendChild(form);
                form.submit();""", profile, address);

        assertThat(Chromium.awaitElement(browser, By.id("forbidden")).getText()).isEqualTo("Not for you");
        assertThat(lastChange("news").get("after").get("state").asString()).isEqualTo("OPTED_OUT");
    }

    @Test
    void anAuditorReadsARecordsHistoryWithItsSupersededAttemptItsChainItsStateAsOfAnInstantAndItsReceipt() throws Exception {
        Instant beforeTheOptOut = Instant.now().minusSeconds(60);
        world.capture(profile, "EMAIL", address, "news", null, "OPTED_IN", Instant.now().minusSeconds(600)); // older: superseded
        browser = Chromium.start("en-GB");
        Console.signIn(browser, port, "demo-auditor");
        browser.get("http://localhost:" + port + "/console/t/acme/people?kind=email&find=" + address + "&profile=" + profile);
        cell("news", "").findElement(By.cssSelector("a.history")).click();

        Chromium.awaitElement(browser, By.id("changes"));
        assertThat(browser.findElements(By.cssSelector("#changes tbody tr"))).extracting(row -> row.getAttribute("data-outcome"))
                .containsExactly("APPLIED", "SUPERSEDED");
        assertThat(browser.findElement(By.id("chain")).getAttribute("data-intact")).isEqualTo("true");
        assertThat(browser.findElement(By.id("chain")).getText()).isEqualTo("The record’s hash chain is intact: 2 entries checked.");
        assertThat(Console.seriousAccessibilityViolations(browser)).as("record history").isEmpty();
        Console.screenshot(browser, "record-history");

        // the browser's date-and-time field, filled as the auditor would: before the opt-out was recorded
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("asOf")),
                java.time.LocalDateTime.ofInstant(beforeTheOptOut.minusSeconds(3600), java.time.ZoneOffset.UTC)
                        .withNano(0).toString());
        browser.findElement(By.cssSelector("#as-of-form button")).click();
        assertThat(Chromium.awaitElement(browser, By.id("state-as-of")).getText()).isEqualTo("The record had no entry yet at that time.");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("asOf")),
                java.time.LocalDateTime.ofInstant(Instant.now().plusSeconds(5), java.time.ZoneOffset.UTC).withNano(0).toString());
        browser.findElement(By.cssSelector("#as-of-form button")).click();
        assertThat(Chromium.awaitElement(browser, By.id("state-as-of")).getText()).isEqualTo("At that time the record stood at entry 2: Opted out.");

        // the signed receipt, downloaded with the session, checks against the published keys
        String downloaded = (String) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);",
                browser.findElement(By.id("receipt")).getAttribute("href"));
        JsonNode receipt = HttpApi.JSON.readTree(downloaded);
        var jws = com.nimbusds.jose.JWSObject.parse(receipt.get("jws").asString());
        var keys = com.nimbusds.jose.jwk.JWKSet.parse(world.api.get("/.well-known/consent-receipt-keys.json", null).body());
        assertThat(jws.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(keys.getKeyByKeyId(jws.getHeader().getKeyID()).toRSAKey())))
                .as("signed by the platform's receipt key").isTrue();
        assertThat(receipt.at("/claims/state").asString()).isEqualTo("OPTED_OUT");
        assertThat(receipt.at("/claims/changeSeq").asLong()).as("the applied entry, not the superseded one").isEqualTo(1);
    }

    @Test
    void anAuditorSearchesExportsAndVerifiesTheTenantsHistory() {
        browser = Chromium.start("en-GB");
        Console.signIn(browser, port, "demo-auditor");
        browser.findElement(By.id("nav-audit")).click();
        Chromium.awaitElement(browser, By.id("address")).sendKeys(address);
        browser.findElement(By.id("profile")).sendKeys(profile);
        choose("source", "API");
        browser.findElement(By.cssSelector("#search-form button[type=submit]:not(#export)")).click();

        Chromium.awaitElement(browser, By.id("audit-changes"));
        assertThat(browser.findElements(By.cssSelector("#audit-changes tbody tr"))).hasSize(2)
                .allMatch(row -> "API".equals(row.getAttribute("data-source")));
        assertThat(Console.seriousAccessibilityViolations(browser)).as("audit").isEmpty();
        Console.screenshot(browser, "audit");

        // the export, fetched as the browser would download it, with the session
        String exported = (String) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);",
                "/console/t/acme/audit/export?address=" + address + "&profile=" + profile);
        List<JsonNode> lines = exported.lines().map(line -> HttpApi.JSON.readTree(line)).toList();
        assertThat(lines).hasSize(2).allMatch(line -> line.get("address").asString().equals(address));
        assertThat(lines).extracting(line -> line.get("topicId").isNull() ? "news" : "news/" + line.get("topicId").asString())
                .containsExactly("news", "news/offers");

        browser.findElement(By.cssSelector("#verify-form button")).click();
        WebElement verification = Chromium.awaitElement(browser, By.id("verification"));
        JsonNode api = World.ok(world.api.post(World.BASE + "/history/verify", world.auditor(), Map.of()));
        assertThat(verification.getAttribute("data-intact")).isEqualTo(String.valueOf(api.get("intact").asBoolean()));
        if (api.hasNonNull("checkpoint")) {
            assertThat(browser.findElement(By.id("checkpoint-hash")).getText()).as("the hash to compare with Kafka's copy")
                    .isEqualTo(api.at("/checkpoint/hash").asString());
        }
    }

    @Test
    void aMarketerOpensTheDailyChartAndIsWarnedOfTheDayOptOutsSurged() {
        var optOuts = new java.util.ArrayList<Map<String, Object>>();
        for (int i = 0; i < 25; i++) {
            optOuts.add(World.capture(profile, "EMAIL", World.unique("leaver") + "@example.com", "news", null, "OPTED_OUT",
                    Instant.now().minusSeconds(30), null));
        }
        World.ok(world.api.post(World.BASE + "/consents/batch", world.marketing(), Map.of("items", optOuts)));
        counting.countNew();
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();

        browser = Chromium.start("en-GB");
        Console.signIn(browser, port, "demo-marketer");
        browser.findElement(By.id("nav-reports")).click();
        Chromium.awaitElement(browser, By.id("range-form"));
        choose("profile", profile);
        browser.findElement(By.cssSelector("#range-form button")).click();

        WebElement bar = Chromium.awaitElement(browser, By.cssSelector("#daily-chart rect[data-kind=opt-outs][data-day='" + today + "']"));
        assertThat(bar.getAttribute("data-value")).isEqualTo("26");
        assertThat(Double.parseDouble(bar.getAttribute("height"))).as("the day's bar is the highest").isEqualTo(200.0);
        assertThat(browser.findElement(By.cssSelector("#surges li")).getAttribute("data-day")).isEqualTo(today);
        assertThat(browser.findElement(By.cssSelector("#reach tr[data-series='" + profile + "|news||EMAIL'] .blocked")).getText())
                .isEqualTo("26");
        assertThat(Console.seriousAccessibilityViolations(browser)).as("reports").isEmpty();
        Console.screenshot(browser, "reports");

        String csv = (String) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);",
                browser.findElement(By.id("days-csv")).getAttribute("href"));
        assertThat(csv.lines()).first().isEqualTo("day,optIns,optOuts,expiries,renewals");
        assertThat(csv.lines()).contains(today + ",1,26,0,0");
    }

    @Test
    void aMarketerUploadsALoadAndWatchesItsProgressBarFinishWithoutReloading() throws Exception {
        int rows = 10_000;
        var csv = new StringBuilder("profileId,channel,address,purposeId,topicId,state,capturedAt\n");
        String capturedAt = Instant.now().minusSeconds(3600).toString();
        for (int i = 0; i < rows; i++) {
            String address = i % 2500 == 2499 ? "not an address " + i : World.unique("load" + i) + "@example.com";
            csv.append(profile).append(",EMAIL,").append(address).append(",news,,OPTED_IN,").append(capturedAt).append('\n');
        }
        java.nio.file.Path file = java.nio.file.Files.createTempFile("console-load", ".csv");
        java.nio.file.Files.writeString(file, csv);

        browser = Chromium.start("en-GB");
        Console.signIn(browser, port, "demo-marketer");
        browser.findElement(By.id("nav-loads")).click();
        Chromium.awaitElement(browser, By.id("file")).sendKeys(file.toString());
        choose("shape", "CONSENT_ROWS");
        choose("format", "CSV");
        browser.findElement(By.cssSelector("#upload-form button")).click();

        assertThat(Chromium.awaitElement(browser, By.id("progress")).getAttribute("data-state"))
                .as("the job is picked up within a second, after the page showed it").isIn("QUEUED", "RUNNING");
        // a mark on the page, which a reload would wipe: the bar is to move by partial updates
        ((JavascriptExecutor) browser).executeScript("window.consoleTestMark = 'still the same page'");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                "COMPLETED".equals(browser.findElement(By.id("progress")).getAttribute("data-state")));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.consoleTestMark")).isEqualTo("still the same page");
        assertThat(browser.findElement(By.id("progress-bar")).getAttribute("value")).isEqualTo(String.valueOf(rows));
        assertThat(browser.findElement(By.id("count-applied")).getText()).isEqualTo("9996");
        assertThat(browser.findElement(By.id("count-rejected")).getText()).isEqualTo("4");
        assertThat(browser.findElement(By.id("progress")).getAttribute("hx-get")).as("polling stops with the job").isNull();
        assertThat(Console.seriousAccessibilityViolations(browser)).as("load").isEmpty();
        Console.screenshot(browser, "load");

        String errors = (String) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);",
                browser.findElement(By.id("errors-csv")).getAttribute("href"));
        assertThat(errors.lines().toList()).hasSize(5).first().isEqualTo("line,field,reason");
        assertThat(errors.lines().skip(1)).allMatch(line -> line.contains(",address,"));

        browser.findElement(By.linkText("All loads")).click();
        assertThat(Chromium.awaitElement(browser, By.cssSelector("#jobs tr[data-state=COMPLETED] a")).getText())
                .startsWith("console-load");
        assertThat(Console.seriousAccessibilityViolations(browser)).as("loads").isEmpty();
        Console.screenshot(browser, "loads");
        assertThat(world.decide(profile, "news", null, "EMAIL", "nobody-" + World.unique("x") + "@example.com", null)
                .get("send").asBoolean()).isFalse();
    }

    @Test
    void aComplianceOfficerChangesAModelAfterItsDryRunAndAStaleEditIsRefused() {
        browser = Chromium.start("en-GB");
        Console.signIn(browser, port, "demo-compliance");
        browser.findElement(By.id("nav-profiles")).click();
        WebElement listed = Chromium.awaitElement(browser, By.cssSelector("#profiles tr[data-profile='" + profile + "'] a"));
        assertThat(Console.seriousAccessibilityViolations(browser)).as("profiles").isEmpty();
        Console.screenshot(browser, "profiles");
        listed.click();
        Chromium.awaitElement(browser, By.id("profile-form"));
        assertThat(browser.findElements(By.cssSelector("#warnings li[data-channel=EMAIL]"))).isEmpty();
        choose("p0-model-EMAIL", "DISABLED");
        browser.findElement(By.id("save")).click();

        WebElement impact = Chromium.awaitElement(browser, By.cssSelector("#dry-run .impact[data-purpose=news][data-channel=EMAIL]"));
        // the purpose's record and its topic's are both read; only the opted-out one flips
        assertThat(impact.findElement(By.tagName("p")).getText()).isEqualTo("Purpose “news” on EMAIL, from the restrictive model "
                + "(an opt-in is needed) to the disabled model (consent is not checked): of 2 records, 0 would stop being sent to and 1 would start.");
        assertThat(impact.findElement(By.cssSelector(".sample li")).getText()).isEqualTo(address + ": Will not send → Will send");
        assertThat(World.ok(world.api.get(World.BASE + "/profiles/" + profile, world.admin())).at("/purposes/0/models/EMAIL").asString())
                .as("nothing saved before the confirmation").isEqualTo("RESTRICTIVE");
        assertThat(Console.seriousAccessibilityViolations(browser)).as("profile dry run").isEmpty();
        Console.screenshot(browser, "profile-dry-run");
        browser.findElement(By.id("save")).click();

        assertThat(Chromium.awaitElement(browser, By.id("saved")).getText()).isEqualTo("Saved: the profile is now at version 2.");
        assertThat(browser.findElement(By.cssSelector("#warnings li[data-purpose=news][data-channel=EMAIL]")).getText())
                .isEqualTo("Purpose “news” rests on consent but follows the disabled model (consent is not checked) on EMAIL: "
                        + "messages go out whatever the person chose.");
        assertThat(world.decide(profile, "news", null, "EMAIL", address, null).get("send").asBoolean()).as("the next decision").isTrue();

        // someone revises the profile through the API while this page is open
        HttpApi.Response read = world.api.get(World.BASE + "/profiles/" + profile, world.admin());
        var definition = new LinkedHashMap<String, Object>(HttpApi.JSON.convertValue(read.json(), Map.class));
        definition.remove("version");
        definition.remove("complianceWarnings");
        definition.remove("id");
        definition.put("name", "Renamed meanwhile");
        World.ok(world.api.call("PUT", World.BASE + "/profiles/" + profile, world.admin(), "application/json", HttpApi.json(definition),
                Map.of("If-Match", read.header("ETag"))));
        browser.findElement(By.id("name")).clear();
        browser.findElement(By.id("name")).sendKeys("My rename");
        browser.findElement(By.id("save")).click();

        assertThat(Chromium.awaitElement(browser, By.id("refusal")).getText()).startsWith("Someone saved this profile meanwhile.");
        assertThat(World.ok(world.api.get(World.BASE + "/profiles/" + profile, world.admin())).get("name").asString())
                .isEqualTo("Renamed meanwhile");
    }

    @Test
    void aComplianceOfficerRebrandsTheRecipientPagesAndChangesTheConfirmationMailAndSeesThePreview() {
        browser = Chromium.start("en-GB");
        Console.signIn(browser, port, "demo-compliance");
        browser.get("http://localhost:" + port + "/console/t/acme/profiles/" + profile);
        Chromium.awaitElement(browser, By.id("branding-colour")).sendKeys("#0a5c7a");
        browser.findElement(By.id("doi-linkLifetime")).clear();
        browser.findElement(By.id("doi-linkLifetime")).sendKeys("PT24H");
        browser.findElement(By.id("doi-senderName")).sendKeys("Harbour Club");
        choose("doi-defaultLanguage", "fr");
        browser.findElement(By.id("save")).click();

        Chromium.awaitElement(browser, By.id("saved"));
        assertThat(browser.findElement(By.id("preview-brand")).getAttribute("fill")).isEqualTo("#0A5C7A");
        assertThat(Console.seriousAccessibilityViolations(browser)).as("profile with its preview").isEmpty();
        Console.screenshot(browser, "profile");
        JsonNode saved = World.ok(world.api.get(World.BASE + "/profiles/" + profile, world.admin()));
        assertThat(saved.at("/branding/colour").asString()).isEqualTo("#0A5C7A");
        assertThat(saved.at("/doubleOptIn/linkLifetime").asString()).isEqualTo("PT24H");
        assertThat(saved.at("/doubleOptIn/senderName").asString()).isEqualTo("Harbour Club");
        assertThat(saved.at("/doubleOptIn/defaultLanguage").asString()).isEqualTo("fr");
        assertThat(saved.at("/purposes/0/models/EMAIL").asString()).as("what the form did not touch stays").isEqualTo("RESTRICTIVE");
    }

    @Test
    void aComplianceOfficerFlipsTheContactLevelSwitchAfterItsDryRun() {
        JsonNode original = World.ok(world.api.get("/api/v1/tenants/acme/settings", world.admin()));
        boolean before = original.get("checkContactLevelConsent").asBoolean();
        try {
            browser = Chromium.start("en-GB");
            Console.signIn(browser, port, "demo-compliance");
            browser.findElement(By.id("nav-settings")).click();
            Chromium.awaitElement(browser, By.id("checkContactLevelConsent"));
            assertThat(browser.findElement(By.id("honourGlobalPrivacyControl")).isSelected()).as("the Global Privacy Control switch, as set")
                    .isEqualTo(original.path("honourGlobalPrivacyControl").asBoolean(true));
            assertThat(Console.seriousAccessibilityViolations(browser)).as("settings").isEmpty();
            Console.screenshot(browser, "settings");
            browser.findElement(By.id("checkContactLevelConsent")).click();
            browser.findElement(By.id("save")).click();

            assertThat(Chromium.awaitElement(browser, By.id("dry-run-contacts")).getText()).endsWith("were decided again.");
            assertThat(World.ok(world.api.get("/api/v1/tenants/acme/settings", world.admin())).get("checkContactLevelConsent").asBoolean())
                    .as("nothing saved before the confirmation").isEqualTo(before);
            assertThat(Console.seriousAccessibilityViolations(browser)).as("settings dry run").isEmpty();
            Console.screenshot(browser, "settings-dry-run");
            browser.findElement(By.id("save")).click();

            Chromium.awaitElement(browser, By.id("saved"));
            JsonNode saved = World.ok(world.api.get("/api/v1/tenants/acme/settings", world.admin()));
            assertThat(saved.get("checkContactLevelConsent").asBoolean()).isEqualTo(!before);
            assertThat(saved.get("honourGlobalPrivacyControl").asBoolean()).as("what the officer did not touch stays")
                    .isEqualTo(original.path("honourGlobalPrivacyControl").asBoolean(true));
        } finally {
            var restore = new LinkedHashMap<String, Object>(HttpApi.JSON.convertValue(original, Map.class));
            World.ok(world.api.put("/api/v1/tenants/acme/settings", world.admin(), restore));
        }
    }

    @Test
    void aMarketerCannotOpenProfileEditing() {
        browser = Chromium.start("en-GB");
        Console.signIn(browser, port, "demo-marketer");
        assertThat(browser.findElements(By.id("nav-profiles"))).isEmpty();
        for (String page : List.of("/console/t/acme/profiles", "/console/t/acme/profiles/" + profile, "/console/t/acme/settings")) {
            browser.get("http://localhost:" + port + page);
            assertThat(Chromium.awaitElement(browser, By.id("forbidden")).getText()).as(page).isEqualTo("Not for you");
        }
    }

    @Test
    void aMarketerSeesNoHistoryAndCannotOpenIt() {
        browser = Chromium.start("en-GB");
        Console.signIn(browser, port, "demo-marketer");
        browser.get("http://localhost:" + port + "/console/t/acme/people?kind=email&find=" + address + "&profile=" + profile);
        assertThat(cell("news", "").findElements(By.cssSelector("a.history"))).isEmpty();

        browser.get("http://localhost:" + port + "/console/t/acme/history/record?profile=" + profile + "&channel=EMAIL&address="
                + address + "&purpose=news");
        assertThat(Chromium.awaitElement(browser, By.id("forbidden")).getText()).isEqualTo("Not for you");
    }

    @Test
    void anAdminSwitchesTenantAndSeesNothingOfTheOtherOne() {
        browser = Chromium.start("en-GB");
        Console.signIn(browser, port, "demo-admin");
        choose("tenant-switch", "globex");
        browser.findElement(By.cssSelector(".switcher button")).click();

        Chromium.awaitElement(browser, By.cssSelector("h1"));
        assertThat(browser.getCurrentUrl()).endsWith("/console/t/globex");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Consent console for globex");
        browser.get("http://localhost:" + port + "/console/t/globex/people?kind=email&find=" + address);
        assertThat(browser.findElements(By.id("grid-" + profile))).as("acme's profile is not globex's").isEmpty();
    }

    @Test
    void aMarketerOfOneTenantCannotOpenAnotherTenantsPages() {
        browser = Chromium.start("en-GB");
        Console.signIn(browser, port, "demo-marketer");
        for (String page : List.of("/console/t/globex", "/console/t/globex/people?kind=email&find=" + address,
                "/console/t/not%20a%20tenant/people")) {
            browser.get("http://localhost:" + port + page);
            assertThat(Chromium.awaitElement(browser, By.id("forbidden")).getText()).as(page).isEqualTo("Not for you");
        }
        assertThat(browser.findElements(By.id("tenant-switch"))).as("one tenant: no switcher").isEmpty();
    }

    @Test
    void thePagesSpeakFrenchAndPolishAndSigningOutEndsTheSession() {
        browser = Chromium.start("fr-FR");
        Console.signIn(browser, port, "demo-marketer");
        browser.get("http://localhost:" + port + "/console/t/acme/people?kind=email&find=" + address + "&profile=" + profile);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Centre du consentement");
        assertThat(cell("news", "").findElement(By.cssSelector(".why")).getText())
                .isEqualTo("La finalité « news » sur EMAIL suit le modèle restrictif (un consentement est nécessaire) et son "
                        + "enregistrement est Consentement retiré : les messages sont bloqués.");
        Console.screenshot(browser, "consent-center-fr");
        browser.findElement(By.cssSelector(".languages a[lang=pl]")).click();
        assertThat(Chromium.awaitElement(browser, By.tagName("h1")).getText()).isEqualTo("Centrum zgód");
        assertThat(browser.findElement(By.id("find")).getAttribute("value")).as("the same search, in Polish").isEqualTo(address);
        browser.get("http://localhost:" + port + "/console/t/acme?lang=pl");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Konsola zgód dla acme");

        browser.findElement(By.cssSelector("form.signout button")).click();
        assertThat(Chromium.awaitElement(browser, By.id("signed-out")).getText()).isEqualTo("Vous êtes déconnecté·e");
        browser.get("http://localhost:" + port + "/console/t/acme");
        Chromium.awaitElement(browser, By.id("username"));
        assertThat(browser.getCurrentUrl()).as("signed out at the issuer too").endsWith("/dev-issuer/login");
    }

    private void find(String kind, String value, String inProfile) {
        Chromium.awaitElement(browser, By.id("kind"));
        choose("kind", kind);
        browser.findElement(By.id("find")).sendKeys(value);
        choose("profile", inProfile);
        browser.findElement(By.cssSelector("#find-form button")).click();
        Chromium.awaitElement(browser, By.id("grid-" + inProfile));
    }

    private void choose(String select, String value) {
        browser.findElement(By.cssSelector("#" + select + " option[value='" + value + "']")).click();
    }

    private WebElement cell(String purpose, String topic) {
        String row = topic.isEmpty() ? purpose : purpose + "/" + topic;
        return Chromium.awaitElement(browser, By.cssSelector("#grid-" + profile + " tr[data-row='" + row + "'] td[data-channel=EMAIL]"));
    }

    private String summary(String channel) {
        return browser.findElement(By.cssSelector("#summary li[data-channel=" + channel + "]")).getAttribute("data-reachable");
    }

    /** The newest change of the purpose's own record (not its topics'). */
    private JsonNode lastChange(String purpose) {
        var query = Map.of("profileId", profile, "channel", "EMAIL", "address", address, "purposeId", purpose);
        JsonNode last = null;
        for (JsonNode item : World.ok(world.api.post(World.BASE + "/history/search", world.auditor(), query)).get("items")) {
            if (item.get("topicId").isNull()) {
                last = item;
            }
        }
        assertThat(last).as("a change of purpose " + purpose).isNotNull();
        return last;
    }
}
