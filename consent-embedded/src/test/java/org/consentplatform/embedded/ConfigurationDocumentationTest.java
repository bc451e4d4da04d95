package org.consentplatform.embedded;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every property the platform's configuration metadata describes (what IDEs complete) is in
 * docs/operations.md, and the page names none that does not exist. A table row may name
 * siblings after the first: {@code `consent.imports.batch-size` / `poll-interval`}.
 */
class ConfigurationDocumentationTest {

    private static final Path OPERATIONS = Path.of("../docs/operations.md");
    private static final Pattern ROW_NAMES = Pattern.compile("^\\|\\s*((?:`[a-z0-9.-]+`(?:\\s*/\\s*)?)+)\\s*\\|");
    private static final Pattern NAME = Pattern.compile("`([a-z0-9.-]+)`");

    @Test
    void operationsListsEveryPropertyOfTheMetadataAndNoOther() throws IOException {
        Set<String> described = described();
        Set<String> documented = documented();

        assertThat(described).as("metadata found").contains("consent.outbox.batch-size", "consent.embedded.mongo.storage");
        assertThat(documented).as("documented in docs/operations.md").containsAll(described);
        assertThat(described).as("documented but unknown to the metadata").containsAll(documented);
    }

    private static Set<String> described() throws IOException {
        var names = new TreeSet<String>();
        var json = JsonMapper.builder().build();
        for (URL url : Collections.list(ConfigurationDocumentationTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    String name = property.get("name").asString();
                    if (name.startsWith("consent.")) {
                        names.add(name);
                    }
                }
            }
        }
        return names;
    }

    private static Set<String> documented() throws IOException {
        var names = new TreeSet<String>();
        for (String line : Files.readAllLines(OPERATIONS)) {
            Matcher row = ROW_NAMES.matcher(line);
            if (!row.find()) {
                continue;
            }
            Matcher name = NAME.matcher(row.group(1));
            String first = null;
            while (name.find()) {
                String written = name.group(1);
                if (first == null) {
                    first = written;
                    names.add(written);
                } else {
                    names.add(written.startsWith("consent.") ? written : first.substring(0, first.lastIndexOf('.') + 1) + written);
                }
            }
        }
        names.removeIf(name -> !name.startsWith("consent."));
        return names;
    }
}
