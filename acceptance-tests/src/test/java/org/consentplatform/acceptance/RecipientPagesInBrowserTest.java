package org.consentplatform.acceptance;

import org.consentplatform.acceptance.support.Chromium;
import org.consentplatform.acceptance.support.RunningService;
import org.consentplatform.acceptance.support.TestKeys;
import org.consentplatform.acceptance.support.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recipient in a real browser (headless Chromium) on the preference center, the subscription
 * center and one-click unsubscribe: what they see pre-filled, what they change, and that the next
 * decision follows; the pages in French and Polish; a changed or expired link.
 *
 * <p>With {@code -Dscreenshots.dir=<dir>} it also saves what the browser showed, as the PNGs
 * under {@code docs/images/} (see docs/operations.md for the command).
 */
@RunningService
class RecipientPagesInBrowserTest {

    @LocalServerPort
    private int port;
    private ChromeDriver browser;
    private World world;
    private String profile;
    private String address;

    @BeforeEach
    void harbourClubProfile() {
        world = new World(port);
        profile = World.unique("harbour");
        var news = new LinkedHashMap<>(World.purpose("news", "COMMERCIAL", Map.of("EMAIL", "RESTRICTIVE"), List.of()));
        news.put("name", "Harbour Club news");
        news.put("topics", List.of(Map.of("id", "regattas", "name", "Regatta calendar"), Map.of("id", "offers", "name", "Member offers")));
        var service = new LinkedHashMap<>(World.purpose("service", "TRANSACTIONAL", Map.of(), List.of()));
        service.put("name", "Berth and membership notices");
        var tracking = new LinkedHashMap<>(World.purpose("tracking", "TRACKING", Map.of(), List.of()));
        tracking.put("name", "Opens and clicks");
        var definition = new LinkedHashMap<String, Object>();
        definition.put("id", profile);
        definition.put("name", "Harbour Club");
        definition.put("companyAddress", "Harbour Club, 2 quai de la Douane, 29200 Brest, France");
        definition.put("purposes", List.of(news, service, tracking));
        definition.put("branding", Map.of("colour", "#0A5C7A"));
        World.ok(world.api.post(World.BASE + "/profiles", world.admin(), definition));
        address = World.unique("marin") + "@example.com";
        world.capture(profile, "EMAIL", address, "news", null, "OPTED_IN", Instant.now().minusSeconds(60));
        world.capture(profile, "EMAIL", address, "news", "regattas", "OPTED_IN", Instant.now().minusSeconds(60));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aRecipientChangesATopicOnThePreferenceCenterAndTheNextDecisionFollows() {
        browser = Chromium.start("en-GB");
        browser.get(links(null).get("preferenceCenterUrl").asString());

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Your communication preferences");
        assertThat(browser.findElement(By.id("choice-news")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("choice-news/regattas")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("choice-news/offers")).isSelected()).isFalse();
        assertThat(browser.findElement(By.id("company-address")).getText()).contains("quai de la Douane");
        screenshot("preference-center.png");

        browser.findElement(By.cssSelector("label[for='choice-news/offers']")).click(); // the label works the box
        browser.findElement(By.id("choice-news/regattas")).click();
        browser.findElement(By.id("save")).click();

        assertThat(Chromium.awaitElement(browser, By.id("outcome")).getText()).contains("Your choices are saved");
        assertThat(browser.findElement(By.id("choice-news/offers")).isSelected()).isTrue();
        assertThat(world.decide(profile, "news", "offers", "EMAIL", address, null).get("send").asBoolean()).isTrue();
        assertThat(world.decide(profile, "news", "regattas", "EMAIL", address, null).get("send").asBoolean()).isFalse();
    }

    @Test
    void thePagesSpeakFrenchByParameterAndPolishByTheBrowsersLanguage() {
        browser = Chromium.start("pl-PL");
        String url = links(null).get("preferenceCenterUrl").asString();

        browser.get(url);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Twoje preferencje komunikacji");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("pl");

        browser.get(url + "?lang=fr");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Vos préférences de communication");
        browser.findElement(By.id("choice-news/offers")).click();
        browser.findElement(By.id("save")).click();
        assertThat(Chromium.awaitElement(browser, By.id("outcome")).getText()).contains("Vos choix sont enregistrés");
        screenshot("preference-center-fr.png");
    }

    @Test
    void aContactUsesTheSubscriptionCenterAndTheOneClickUnsubscribePage() {
        String contact = World.unique("club-member");
        world.contact(contact, "CONTACT", Map.of("doNotEmail", false, "doNotBulkEmail", false, "doNotTrack", false), List.of(address));
        JsonNode links = links(contact);
        browser = Chromium.start("en-GB");

        browser.get(links.get("subscriptionCenterUrl").asString());
        assertThat(browser.findElement(By.id("doNotBulkEmail-allow")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("doNotTrack-block")).isSelected()).as("tracking RESTRICTIVE, no opt-in").isTrue();
        screenshot("subscription-center.png");
        browser.findElement(By.id("doNotBulkEmail-block")).click();
        browser.findElement(By.id("save")).click();
        assertThat(Chromium.awaitElement(browser, By.id("outcome")).getText()).contains("saved for every one of your email addresses");
        assertThat(world.decide(profile, "news", null, "EMAIL", address, null).get("send").asBoolean()).isFalse();

        world.capture(profile, "EMAIL", address, "news", null, "OPTED_IN", Instant.now());
        browser.get(links.get("unsubscribeUrl").asString());
        screenshot("unsubscribe.png");
        assertThat(world.decide(profile, "news", null, "EMAIL", address, null).get("send").asBoolean()).as("showing changes nothing").isTrue();
        browser.findElement(By.id("confirm-unsubscribe")).click();
        assertThat(Chromium.awaitElement(browser, By.id("unsubscribed")).getText()).contains("no longer receive");
        assertThat(world.decide(profile, "news", null, "EMAIL", address, null).get("send").asBoolean()).isFalse();
    }

    @Test
    void aChangedOrExpiredLinkShowsAClearPageAndChangesNothing() {
        browser = Chromium.start("en-GB");
        String url = links(null).get("preferenceCenterUrl").asString();
        int last = url.length() - 1;

        browser.get(url.substring(0, last) + (url.charAt(last) == 'A' ? 'B' : 'A'));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This link does not work");
        assertThat(browser.findElements(By.tagName("form"))).isEmpty();

        browser.get("http://localhost:" + port + "/preferences/" + TestKeys.expiredPreferenceToken(World.TENANT, profile, address));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This link has expired");
        assertThat(browser.getPageSource()).doesNotContain(address);
        assertThat(world.decide(profile, "news", "regattas", "EMAIL", address, null).get("send").asBoolean()).isTrue();
    }

    @Test
    void aBrowserWithGlobalPrivacyControlOnSeesItsSignalHonouredAndThePartnerPurposeWithdrawn() {
        String partnered = World.unique("harbour-partners");
        var partners = new LinkedHashMap<>(World.purpose("partners", "COMMERCIAL", Map.of("EMAIL", "RESTRICTIVE"), List.of()));
        partners.put("name", "Offers from the marina's partners");
        partners.put("partner", "Brest Marine Supplies");
        World.ok(world.createProfile(partnered, List.of(World.purpose("news", "COMMERCIAL", Map.of("EMAIL", "RESTRICTIVE"), List.of()),
                partners)));
        for (String purpose : List.of("news", "partners")) {
            world.capture(partnered, "EMAIL", address, purpose, null, "OPTED_IN", Instant.now().minusSeconds(60));
        }
        world.honourGlobalPrivacyControl(true); // acme's default, which another test may have switched meanwhile
        browser = Chromium.start("fr-FR");
        // what a browser with Global Privacy Control turned on sends with every request
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Sec-GPC", "1")));

        browser.get(world.recipientLinks(partnered, "EMAIL", address, null, null).get("preferenceCenterUrl").asString());

        assertThat(browser.findElement(By.id("global-privacy-control")).getText())
                .contains("Global Privacy Control", "ne partageons plus vos données avec nos partenaires");
        assertThat(browser.findElement(By.id("choice-partners")).isSelected()).as("the partner purpose, withdrawn").isFalse();
        assertThat(browser.findElement(By.id("choice-news")).isSelected()).as("the other purposes, as they were").isTrue();
        assertThat(world.decide(partnered, "partners", null, "EMAIL", address, null).get("send").asBoolean()).isFalse();
        assertThat(world.decide(partnered, "news", null, "EMAIL", address, null).get("send").asBoolean()).isTrue();
    }

    private JsonNode links(String contactId) {
        return world.recipientLinks(profile, "EMAIL", address, contactId, "news");
    }

    private void screenshot(String name) {
        String dir = System.getProperty("screenshots.dir");
        if (dir == null) {
            return;
        }
        try {
            Path target = Path.of(dir).resolve(name);
            Files.createDirectories(target.getParent());
            Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
