package org.consentplatform.acceptance.support;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The operator console in a browser: signing in at the dev issuer's form, accessibility checks, screenshots. */
public final class Console {

    private static final String AXE = "META-INF/resources/webjars/axe-core/" + axeVersion() + "/axe.min.js";

    private Console() {
    }

    /** Opens the console, signs in at the dev issuer as one of the demo people, and waits for the console's page. */
    public static void signIn(WebDriver browser, int port, String username) {
        browser.get("http://localhost:" + port + "/console");
        Chromium.awaitElement(browser, By.id("username"));
        screenshot(browser, "sign-in");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(username + "-password");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        Chromium.awaitElement(browser, By.id("signed-in-as"));
    }

    /**
     * The page's accessibility violations of serious or critical impact, as axe-core finds them
     * (WCAG 2.1 A and AA rules). axe is injected by the driver, which the page's policy does not govern.
     */
    @SuppressWarnings("unchecked")
    public static List<String> seriousAccessibilityViolations(WebDriver browser) {
        var js = (JavascriptExecutor) browser;
        js.executeScript(axeSource());
        var violations = (List<Map<String, Object>>) js.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                        + ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                        + " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}))));");
        return violations.stream().filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .map(v -> v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " at " + v.get("nodes")).toList();
    }

    /** With {@code -Dscreenshots.dir=<dir>}, saves what the browser shows as {@code console-<name>.png}. */
    public static void screenshot(WebDriver browser, String name) {
        String dir = System.getProperty("screenshots.dir");
        if (dir == null || dir.isBlank()) {
            return;
        }
        try {
            Path target = Path.of(dir, "console-" + name + ".png");
            Files.createDirectories(target.getParent());
            Files.write(target, ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String axeSource() {
        try (InputStream in = Objects.requireNonNull(Console.class.getClassLoader().getResourceAsStream(AXE), AXE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String axeVersion() {
        try (InputStream in = Objects.requireNonNull(Console.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/axe-core/pom.properties"), "axe-core's WebJar")) {
            var properties = new java.util.Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
