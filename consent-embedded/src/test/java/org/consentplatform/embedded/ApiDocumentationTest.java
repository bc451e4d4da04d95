package org.consentplatform.embedded;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document (docs/openapi.json, which OpenApiDocumentTest keeps equal to the served
 * one) is one people and generators can use: every operation has a unique, readable operationId,
 * a description, a request example where it takes a body and a response example, and its problem
 * types; every example validates against its schema.
 */
class ApiDocumentationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> ALWAYS = List.of("400", "401", "403", "500", "503");

    private final JsonNode document = read();

    @Test
    void everyOperationHasAnIdADescriptionExamplesAndItsProblems() {
        var ids = new HashSet<String>();
        var missing = new ArrayList<String>();
        forEachOperation((name, operation) -> {
            String id = operation.path("operationId").asString("");
            if (!id.matches("[a-z][A-Za-z]+") || !ids.add(id)) {
                missing.add(name + ": operationId '" + id + "'");
            }
            if (operation.path("description").asString("").length() < 40) {
                missing.add(name + ": description");
            }
            JsonNode body = operation.path("requestBody").path("content");
            if (!body.isMissingNode() && body.properties().stream().noneMatch(media -> media.getValue().has("example"))) {
                missing.add(name + ": request example");
            }
            JsonNode success = operation.path("responses").properties().stream().filter(r -> r.getKey().startsWith("2"))
                    .map(r -> r.getValue()).findFirst().orElse(null);
            if (success == null || success.path("content").properties().stream().noneMatch(media -> media.getValue().has("example"))) {
                missing.add(name + ": response example");
            }
            if (!name.contains("/.well-known/")) {
                // an operation signed instead of bearing a token (the intake) has no scope or tenant grant to refuse: no 403
                boolean bearer = !operation.has("security") || operation.get("security").toString().contains("bearer");
                for (String status : ALWAYS) {
                    if (!bearer && status.equals("403")) {
                        continue;
                    }
                    if (!operation.path("responses").path(status).path("$ref").asString("").endsWith("/Problem" + status)) {
                        missing.add(name + ": problem " + status);
                    }
                }
            }
        });

        assertThat(ids).hasSizeGreaterThanOrEqualTo(40);
        assertThat(missing).isEmpty();
    }

    @Test
    void everyProblemResponseIsAProblemDocumentWithItsTypeAndRetryAfterWhereItApplies() {
        document.path("components").path("responses").properties().forEach(response -> {
            JsonNode media = response.getValue().path("content").path("application/problem+json");
            assertThat(media.path("schema").path("$ref").asString()).isEqualTo("#/components/schemas/Problem");
            assertThat(media.path("example").path("type").asString()).startsWith("urn:consentplatform:problem:");
            assertThat(media.path("example").path("status").asInt()).isEqualTo(Integer.parseInt(response.getKey().substring(7)));
            if (response.getKey().equals("Problem503") || response.getKey().equals("Problem429")) {
                assertThat(response.getValue().path("headers").has("Retry-After")).as(response.getKey()).isTrue();
            }
        });
    }

    @Test
    void everyExampleValidatesAgainstItsSchema() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        var invalid = new ArrayList<String>();
        var checked = new int[1];
        forEachOperation((name, operation) -> {
            var media = new ArrayList<JsonNode>();
            operation.path("requestBody").path("content").forEach(media::add);
            operation.path("responses").forEach(response -> response.path("content").forEach(media::add));
            for (JsonNode content : media) {
                if (content.has("example") && content.has("schema") && !content.path("schema").path("type").asString("").equals("string")) {
                    Schema schema = registry.getSchema(withComponents(content.get("schema")));
                    List<Error> errors = schema.validate(content.get("example"));
                    checked[0]++;
                    if (!errors.isEmpty()) {
                        invalid.add(name + ": " + errors);
                    }
                }
            }
        });

        assertThat(checked[0]).as("examples checked").isGreaterThan(60);
        assertThat(invalid).isEmpty();
    }

    /** A schema of the document made self-contained: the components as $defs, its references pointed at them. */
    private JsonNode withComponents(JsonNode schema) {
        String text = JSON.writeValueAsString(schema).replace("#/components/schemas/", "#/$defs/");
        ObjectNode standalone = (ObjectNode) JSON.readTree(text);
        standalone.set("$defs", JSON.readTree(JSON.writeValueAsString(document.path("components").path("schemas"))
                .replace("#/components/schemas/", "#/$defs/")));
        return standalone;
    }

    private void forEachOperation(java.util.function.BiConsumer<String, JsonNode> action) {
        Set<String> methods = Set.of("get", "put", "post", "delete", "patch");
        document.path("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(method -> methods.contains(method.getKey()))
                .forEach(method -> action.accept(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue())));
    }

    private static JsonNode read() {
        try {
            return JSON.readTree(Files.readString(Path.of("..", "docs", "openapi.json")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
