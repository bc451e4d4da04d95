package org.consentplatform.acceptance.events;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Run by its own surefire execution once every other test of the module has run: every event the
 * suite's services published ({@code SuiteEvents}) is a CloudEvent whose envelope validates
 * against docs/events/schemas/cloudevent.json and whose data validates against the schema its
 * {@code dataschema} names. An event the code changed without its schema fails the build here.
 */
class SuiteEventsCheck {

    private static final Path SCHEMAS = Path.of("..", "docs", "events", "schemas");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @Test
    void everyEventTheSuitePublishedMatchesItsSchema() throws IOException {
        Path directory = Path.of(System.getProperty(SuiteEvents.DIRECTORY, "target/suite-events/unnamed"));
        assertThat(directory).as("the events SuiteEvents wrote when the suite ended").isDirectory();
        Schema envelope = schema("cloudevent.json");
        Map<String, Schema> bySchema = new HashMap<>();
        Map<String, Integer> validatedByType = new TreeMap<>();
        List<String> invalid = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    JsonNode event = JSON.readTree(line);
                    String type = event.path("type").asString();
                    String dataschema = event.path("dataschema").asString();
                    String name = dataschema.substring(dataschema.lastIndexOf('/') + 1);
                    List<Error> errors = new ArrayList<>(envelope.validate(event));
                    if (!name.endsWith(".json") || !Files.exists(SCHEMAS.resolve(name))) {
                        invalid.add(type + ": dataschema " + dataschema + " names no committed schema");
                        continue;
                    }
                    errors.addAll(bySchema.computeIfAbsent(name, SuiteEventsCheck::schema).validate(event.get("data")));
                    if (errors.isEmpty()) {
                        validatedByType.merge(type, 1, Integer::sum);
                    } else if (invalid.size() < 20) {
                        invalid.add(type + " " + event.path("id").asString() + ": " + errors);
                    }
                }
            }
        }

        assertThat(invalid).as("events that do not match their schema").isEmpty();
        assertThat(validatedByType).as("the suite publishes every kind of event").containsKeys(
                "org.consentplatform.consent.changed.v1", "org.consentplatform.audit.checkpoint.v1",
                "org.consentplatform.doi.requested.v1", "org.consentplatform.privacy.erased.v1", "org.consentplatform.sms.reply.v1");
        assertThat(validatedByType.get("org.consentplatform.consent.changed.v1")).isGreaterThan(100);
    }

    private static Schema schema(String name) {
        try {
            return REGISTRY.getSchema(JSON.readTree(Files.readString(SCHEMAS.resolve(name))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
