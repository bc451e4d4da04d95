package org.consentplatform.adapter.in.rest.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import org.consentplatform.adapter.in.rest.shared.Problems;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Makes the OpenAPI document one a person can read and a generator can use: each operation gets
 * its stable operationId, description, success status and examples (openapi/operations.yaml,
 * openapi/examples.json, recorded from a running service by scripts/record-api-examples.py), the
 * problem types it can answer, and every string, integer and array a bound (the limits the
 * domain enforces, else the request body cap), so the OWASP API ruleset passes (.spectral.yaml).
 */
final class ApiDocumentation implements OpenApiCustomizer {

    /** Problems any API operation can answer: bad input, no or wrong token, no scope or tenant, a bug, a dependency down. */
    static final List<Integer> ALWAYS = List.of(400, 401, 403, 500, 503);
    private static final String PROBLEM_JSON = "application/problem+json";
    /** JSON's largest exact integer: the bound of counts and of streamed bodies, which have no other. */
    private static final BigDecimal MAX_SAFE_INTEGER = BigDecimal.valueOf(9_007_199_254_740_991L);
    private static final Set<String> STREAMS = Set.of("application/x-ndjson", "text/csv", "application/pdf", "multipart/form-data");
    /** The lengths the domain checks (InvalidInputs, TechnicalId, contact point formats), by property name. */
    private static final Map<String, Integer> STRING_LIMITS = Map.ofEntries(
            Map.entry("tenantId", 64), Map.entry("profileId", 64), Map.entry("purposeId", 64), Map.entry("topicId", 64),
            Map.entry("contactId", 64), Map.entry("jobId", 64), Map.entry("id", 100), Map.entry("channel", 64),
            Map.entry("address", 320), Map.entry("wordingVersion", 128), Map.entry("formId", 256), Map.entry("clientAddress", 64),
            Map.entry("userAgent", 1024), Map.entry("guardian", 256), Map.entry("reason", 1024), Map.entry("correlationId", 128),
            Map.entry("actor", 256), Map.entry("actorClient", 256), Map.entry("client", 256), Map.entry("name", 200),
            Map.entry("partner", 200), Map.entry("companyAddress", 1000), Map.entry("reference", 200),
            Map.entry("legalReference", 200), Map.entry("wording", 2000), Map.entry("logoUrl", 2000),
            Map.entry("redirectUrl", 2000), Map.entry("senderName", 100), Map.entry("senderAddress", 320),
            Map.entry("locale", 35), Map.entry("language", 35), Map.entry("hash", 64), Map.entry("previousHash", 64),
            Map.entry("changeId", 64), Map.entry("rule", 64), Map.entry("defaultPhoneRegion", 2), Map.entry("cursor", 512),
            Map.entry("If-Match", 64), Map.entry("Accept", 200), Map.entry("format", 6), Map.entry("number", 32),
            Map.entry("version", 32), Map.entry("notice", 200), Map.entry("noticeHash", 64), Map.entry("noticeId", 64));

    private static final Map<Integer, String> EXAMPLE_DETAILS = Map.ofEntries(
            Map.entry(400, "address: not a valid email address"), Map.entry(401, "the token has expired"),
            Map.entry(403, "the token may not act for tenant globex"), Map.entry(404, "no profile newsletter-eu"),
            Map.entry(406, "answers application/json or text/csv"), Map.entry(409, "the profile newsletter-eu exists already"),
            Map.entry(412, "the profile changed since version 3 was read"), Map.entry(413, "the body is larger than 2097152 bytes"),
            Map.entry(415, "send application/json"), Map.entry(422, "double opt-in needs the EMAIL channel"),
            Map.entry(428, "send If-Match with the ETag read"), Map.entry(429, "too many confirmation mails to this address"),
            Map.entry(500, "an unexpected error (its correlation id is in the logs)"),
            Map.entry(503, "storage unavailable, try again shortly"));

    private static final JsonMapper EXAMPLES_JSON = JsonMapper.builder().build();

    private final Map<String, Map<String, Object>> operations;
    private final Map<String, Map<String, Object>> examples;
    private final int maxBodyBytes;

    private ApiDocumentation(Map<String, Map<String, Object>> operations, Map<String, Map<String, Object>> examples, int maxBodyBytes) {
        this.operations = operations;
        this.examples = examples;
        this.maxBodyBytes = maxBodyBytes;
    }

    @SuppressWarnings("unchecked")
    static ApiDocumentation fromClasspath(int maxBodyBytes) {
        try (InputStream operations = resource("openapi/operations.yaml"); InputStream examples = resource("openapi/examples.json")) {
            return new ApiDocumentation(new Yaml().load(operations), JsonMapper.builder().build().readValue(examples, Map.class),
                    maxBodyBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = ApiDocumentation.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the classpath");
        }
        return in;
    }

    @Override
    public void customise(OpenAPI api) {
        api.getInfo().contact(new Contact().name("Consent platform team").url("https://github.com/consent-platform"));
        api.getServers().forEach(server -> server.addExtension("x-internal", false));
        api.getComponents().getSecuritySchemes().get("bearer").description("An OAuth2 access token (RFC 9068 JWT, RS256, "
                + "validated as RFC8725 advises: the algorithm pinned, issuer, audience, expiry and not-before checked). It names "
                + "the tenants it may act for in tenant_ids and its rights in scope: consent:read, consent:write, consent:decide, "
                + "consent:import, consent:audit, consent:admin, consent:privacy.");
        api.getComponents().addSchemas("Problem", problemSchema());
        for (int status : new TreeSet<>(problemStatuses())) {
            api.getComponents().addResponses(problemName(status), problemResponse(status));
        }
        var tags = new TreeSet<String>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            document(method.name() + " " + path, operation);
            if (operation.getTags() != null) {
                tags.addAll(operation.getTags());
            }
        }));
        api.setTags(tags.stream().map(tag -> new Tag().name(tag).description(tag + " operations")).toList());
        bound(api);
    }

    private Set<Integer> problemStatuses() {
        var statuses = new TreeSet<>(ALWAYS);
        operations.values().forEach(doc -> statuses.addAll(problems(doc)));
        return statuses;
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> problems(Map<String, Object> doc) {
        return doc.get("problems") == null ? List.of() : (List<Integer>) doc.get("problems");
    }

    private void document(String key, Operation operation) {
        Map<String, Object> doc = operations.get(key);
        if (doc == null) {
            return; // ApiDocumentationTest names it
        }
        String id = (String) doc.get("operationId");
        operation.operationId(id).description((String) doc.get("description"));
        Map<String, Object> example = examples.get(id);
        String status = String.valueOf(doc.getOrDefault("status", 200));
        ApiResponses responses = operation.getResponses();
        if (!responses.containsKey(status) && responses.containsKey("200")) {
            ApiResponse success = responses.remove("200");
            responses.addApiResponse(status, success.description(status.equals("201") ? "Created" : "Accepted"));
        }
        if (example != null) {
            if (operation.getRequestBody() != null && example.containsKey("request")) {
                exampleIn(operation.getRequestBody().getContent(), (String) example.get("requestType"), example.get("request"));
            }
            ApiResponse success = responses.get(status);
            if (success != null) {
                if (success.getContent() == null || success.getContent().isEmpty()) {
                    success.content(new Content().addMediaType((String) example.get("responseType"),
                            new MediaType().schema(new StringSchema())));
                }
                exampleIn(success.getContent(), (String) example.get("responseType"), example.get("response"));
            }
        }
        if (!Boolean.TRUE.equals(doc.get("public"))) {
            for (int problem : ALWAYS) {
                responses.addApiResponse(String.valueOf(problem), new ApiResponse().$ref("#/components/responses/" + problemName(problem)));
            }
        }
        for (int problem : problems(doc)) {
            responses.addApiResponse(String.valueOf(problem), new ApiResponse().$ref("#/components/responses/" + problemName(problem)));
        }
        var sorted = new ApiResponses();
        new TreeMap<>(responses).forEach(sorted::addApiResponse);
        operation.setResponses(sorted);
    }

    private static void exampleIn(Content content, String type, Object value) {
        if (content == null || content.isEmpty()) {
            return;
        }
        var media = content.entrySet().stream().filter(entry -> entry.getKey().equals(type)).findFirst()
                .orElse(content.entrySet().iterator().next());
        boolean ndjson = media.getKey().equals("application/x-ndjson");
        // an NDJSON body's schema is that of one line (OpenAPI 3.1 has no item schema): the example is its first line
        media.getValue().setExample(ndjson && value instanceof String stream ? withoutNulls(EXAMPLES_JSON.readValue(stream.lines()
                .findFirst().orElse("{}"), Map.class)) : value);
    }

    /** Fields without a value are sent as null; examples leave them out, as the schemas do not declare null. */
    private static Object withoutNulls(Object value) {
        if (value instanceof Map<?, ?> map) {
            var kept = new LinkedHashMap<Object, Object>();
            map.forEach((key, field) -> {
                if (field != null) {
                    kept.put(key, withoutNulls(field));
                }
            });
            return kept;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ApiDocumentation::withoutNulls).toList();
        }
        return value;
    }

    private static String problemName(int status) {
        return "Problem" + status;
    }

    private static Schema<?> problemSchema() {
        var error = new ObjectSchema().description("One offending field, capture or input line")
                .addProperty("field", new StringSchema().maxLength(200))
                .addProperty("line", new StringSchema().maxLength(20))
                .addProperty("reason", new StringSchema().maxLength(1000));
        return new ObjectSchema().description("RFC 9457 problem details: branch on type, never on detail")
                .addProperty("type", new StringSchema().format("uri").maxLength(200)
                        .description("urn:consentplatform:problem:<kind>, stable for each kind of error"))
                .addProperty("title", new StringSchema().maxLength(200))
                .addProperty("status", new IntegerSchema().minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599)))
                .addProperty("detail", new StringSchema().maxLength(4000).description("for people: never names an address"))
                .addProperty("instance", new StringSchema().maxLength(2000))
                .addProperty("errors", new ArraySchema().items(error).maxItems(1000))
                .required(List.of("type", "title", "status"));
    }

    private static ApiResponse problemResponse(int status) {
        List<Problems> kinds = Problems.withStatus(status);
        String description = String.join("; ", kinds.stream().map(kind -> kind.title() + " (" + kind.typeUri() + ")").toList());
        Map<String, Object> example = new LinkedHashMap<>();
        Problems first = kinds.getFirst();
        example.put("type", first.typeUri());
        example.put("title", first.title());
        example.put("status", status);
        example.put("detail", EXAMPLE_DETAILS.getOrDefault(status, first.title()));
        ApiResponse response = new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")).example(example)));
        if (status == 429 || status == 503) {
            response.addHeaderObject("Retry-After", new io.swagger.v3.oas.models.headers.Header()
                    .description("seconds to wait before trying again").schema(new IntegerSchema().minimum(BigDecimal.ONE)
                            .maximum(BigDecimal.valueOf(86_400))));
        }
        return response;
    }

    /** Gives every string, integer and array of the document a bound where none is declared. */
    private void bound(OpenAPI api) {
        api.getComponents().getSchemas().forEach((name, schema) -> bound(null, schema, false));
        api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getParameters() != null) {
                for (Parameter parameter : operation.getParameters()) {
                    bound(parameter.getName(), parameter.getSchema(), false);
                }
            }
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().forEach((type, media) -> bound(null, media.getSchema(), STREAMS.contains(type)));
            }
            operation.getResponses().values().stream().filter(response -> response.getContent() != null)
                    .forEach(response -> response.getContent().forEach((type, media) ->
                            bound(null, media.getSchema(), STREAMS.contains(type))));
        }));
    }

    private void bound(String name, Schema<?> schema, boolean stream) {
        if (schema == null || schema.get$ref() != null) {
            return;
        }
        if (is(schema, "string") && schema.getMaxLength() == null && schema.getEnum() == null && schema.getConst() == null) {
            schema.setMaxLength(stream ? Integer.MAX_VALUE
                    : name != null && STRING_LIMITS.containsKey(name) ? STRING_LIMITS.get(name) : formatLimit(schema));
        }
        if (is(schema, "integer")) {
            if (schema.getMinimum() == null) {
                schema.setMinimum("limit".equals(name) ? BigDecimal.ONE : BigDecimal.ZERO);
            }
            if (schema.getMaximum() == null) {
                schema.setMaximum("limit".equals(name) ? BigDecimal.valueOf(1000) : MAX_SAFE_INTEGER);
            }
        }
        if (is(schema, "array")) {
            if (schema.getMaxItems() == null) {
                schema.setMaxItems(1000);
            }
            bound(name, schema.getItems(), stream);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((property, value) -> bound(property, value, false));
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            bound(null, values, false);
        }
        for (List<Schema> composed : new ArrayList<List<Schema>>(java.util.Arrays.asList(schema.getAllOf(), schema.getOneOf(),
                schema.getAnyOf()))) {
            if (composed != null) {
                composed.forEach(part -> bound(name, part, stream));
            }
        }
    }

    /** Dates and times have the length of their format; any other string is bounded by the request body cap. */
    private int formatLimit(Schema<?> schema) {
        return switch (schema.getFormat() == null ? "" : schema.getFormat()) {
            case "date" -> 10;
            case "date-time" -> 40;
            case "uri" -> 2000;
            default -> maxBodyBytes;
        };
    }

    private static boolean is(Schema<?> schema, String type) {
        return type.equals(schema.getType()) || schema.getTypes() != null && schema.getTypes().contains(type);
    }
}
