package org.consentplatform.acceptance.privacy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Run by its own surefire execution once every other test of the module has run: searches the
 * log lines of the whole suite (the service's and the tests', in suite.log.file) for anything
 * shaped like an email address or a phone number. Every address the tests use is such a shape.
 */
class SuiteLogsCheck {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+\\d{9,15}\\b");

    @Test
    void noLogLineOfTheSuiteCarriesAnAddress() throws IOException {
        Path log = Path.of(System.getProperty("suite.log.file", "target/suite-logs/unnamed.log"));
        assertThat(log).as("the suite's log, written by logback-test.xml").exists();
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).as("the service logged into it").anyMatch(line -> line.contains("org.consentplatform."));

        var offending = new ArrayList<String>();
        for (String line : lines) {
            if ((EMAIL.matcher(line).find() || PHONE.matcher(line).find()) && offending.size() < 20) {
                offending.add(line);
            }
        }
        assertThat(offending).as("log lines that carry an address").isEmpty();
    }

    @Test
    void thePatternsFindTheAddressesTheTestsUse() {
        assertThat(EMAIL.matcher("opted in: ann-4f1c@example.com").find()).isTrue();
        assertThat(EMAIL.matcher("key='acme|EMAIL|Ann.Martin@Example.co.uk'").find()).isTrue();
        assertThat(PHONE.matcher("acme|SMS|+33612345678").find()).isTrue();
        assertThat(EMAIL.matcher("GET /api/v1/tenants/acme/contacts/c-1 200").find()).isFalse();
        assertThat(PHONE.matcher("offset=+12 partition 3").find()).isFalse();
    }
}
