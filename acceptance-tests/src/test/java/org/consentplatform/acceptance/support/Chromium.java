package org.consentplatform.acceptance.support;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.util.Map;

/** Debian's headless Chromium, driven by its chromedriver; the browser tests run wherever both are installed. */
public final class Chromium {

    private Chromium() {
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
