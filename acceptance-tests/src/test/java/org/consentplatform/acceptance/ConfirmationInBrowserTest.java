package org.consentplatform.acceptance;

import com.icegreen.greenmail.util.GreenMail;
import org.consentplatform.acceptance.support.Chromium;
import org.consentplatform.acceptance.support.Mails;
import org.consentplatform.acceptance.support.RunningService;
import org.consentplatform.acceptance.support.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person in a real browser (headless Chromium): opens the link from the received mail, sees
 * what they are confirming, presses the button, sees the confirmation; the next decision sends.
 * Runs wherever {@code /usr/bin/chromedriver} exists (the {@code browser} profile; CI installs it).
 */
@RunningService
class ConfirmationInBrowserTest {

    @LocalServerPort
    private int port;
    @Autowired
    private GreenMail smtp;
    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Chromium.start("en-GB");
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void aPersonConfirmsFromTheMailedLinkInABrowser() {
        var world = new World(port);
        String profile = World.unique("browser");
        var letter = new LinkedHashMap<>(World.purpose("letter", "COMMERCIAL", Map.of(), List.of()));
        letter.put("name", "Harbour letter");
        letter.put("doubleOptIn", true);
        World.ok(world.createProfile(profile, List.of(letter)));
        String address = World.unique("eve") + "@example.com";
        world.capture(profile, "EMAIL", address, "letter", null, "OPTED_IN", Instant.now().minusSeconds(60));

        Matcher link = Mails.CONFIRMATION_LINK.matcher(Mails.text(Mails.newestTo(smtp, address, text -> text.contains("/confirm/"))));
        assertThat(link.find()).isTrue();
        browser.get(link.group());

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Confirm your subscription");
        assertThat(browser.findElement(By.id("open")).getText()).contains("Harbour letter").contains(address);
        assertThat(world.decide(profile, "letter", null, "EMAIL", address, null).get("send").asBoolean())
                .as("opening the page confirms nothing").isFalse();

        browser.findElement(By.id("confirm")).click();

        assertThat(Chromium.awaitElement(browser, By.id("confirmed")).getText()).contains("Thank you");
        assertThat(world.decide(profile, "letter", null, "EMAIL", address, null).get("send").asBoolean()).isTrue();
    }
}
