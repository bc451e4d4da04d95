package org.consentplatform.acceptance.support;

import org.awaitility.Awaitility;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** Debian's headless Chromium, driven by its chromedriver; the browser tests run wherever both are installed. */
public final class Chromium {

    private Chromium() {
    }

    /**
     * The element once a page that has it is shown. A click that submits a form can return before
     * the next page has loaded, so what follows a submission waits for it.
     */
    public static WebElement awaitElement(WebDriver browser, By by) {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> browser.findElement(by), Objects::nonNull);
    }

    /** @param language what the browser asks pages to speak (its Accept-Language) */
    public static ChromeDriver start(String language) {
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        var options = new ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-dev-shm-usage", "--lang=" + language, "--window-size=900,1000");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        return new ChromeDriver(service, options);
    }
}
