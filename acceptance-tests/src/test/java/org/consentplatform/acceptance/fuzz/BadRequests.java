package org.consentplatform.acceptance.fuzz;

import org.consentplatform.acceptance.support.HttpApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bad requests for every operation of an OpenAPI document. Each operation gets a plausible
 * request built from its schemas (known field names get values of the seeded tenant), which is
 * then spoiled one way at a time: the body as a whole (truncated, not JSON, not UTF-8, nested too
 * deep), every field in turn (each value of {@link #SPOILED_VALUES}), the path parameters, the
 * query parameters, the headers and, for uploads, the multipart framing.
 */
final class BadRequests {

    /** One request to send, and what was spoiled in it. */
    record BadRequest(String operation, String spoil, String method, String path, String contentType, byte[] body,
                      Map<String, String> headers) {

        /** What was spoiled, without the value: a field, a parameter, the body as a whole, the headers. */
        String part() {
            int value = spoil.indexOf(" = ");
            return value < 0 ? spoil.split(" ")[0] : spoil.substring(0, value);
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String LONG = "x".repeat(10_000);

    /** Values put in place of each field in turn: wrong types, nulls, edges, injection, odd unicode. */
    static final List<JsonNode> SPOILED_VALUES = List.of(
            NODES.nullNode(), NODES.booleanNode(true), NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(1.5),
            NODES.numberNode(new java.math.BigInteger("92233720368547758080")), NODES.stringNode(""), NODES.stringNode(" "),
            NODES.stringNode(LONG), NODES.arrayNode(), NODES.arrayNode().add(NODES.nullNode()), NODES.objectNode(),
            NODES.objectNode().set("$ne", NODES.nullNode()), NODES.stringNode("$where"), NODES.stringNode("a\u0000b"),
            NODES.stringNode("\ud800"), NODES.stringNode("\u202eevil"), NODES.stringNode("ａｄｍｉｎ"),
            NODES.stringNode("a\u0301\u0301\u0301"), NODES.stringNode("../../etc/passwd"), NODES.stringNode("1.5"),
            NODES.stringNode("+1000000000-01-01T00:00:00Z"), NODES.stringNode("-99999-01-01T00:00:00Z"),
            NODES.stringNode("2026-02-30T25:61:00Z"), NODES.stringNode("EMAIL.x"), NODES.stringNode("__proto__"));

    private static final List<String> SPOILED_PATH_VALUES = List.of("%24where", "%7B%22%24ne%22%3Anull%7D", "x".repeat(300),
            "%00", "%2e%2e", "a%20b", "%C3%A9", "%F0%9F%98%80", "-", "%E2%80%AE", "%5B%5D", "a.b", "%3B");

    private static final List<String> SPOILED_QUERY_VALUES = List.of("", "0", "-1", "0x10", "1e3", "1.5", "99999999999999999999",
            "%25", "%5B%5D", "%24ne", "x".repeat(5_000), "%00", "+1000000000-01-01T00:00:00Z", "2026-02-30T00:00:00Z", "now",
            "%E2%80%AE", "true");

    private static final List<Map<String, String>> SPOILED_HEADERS = List.of(
            Map.of("Content-Type", "text/plain"), Map.of("Content-Type", "application/xml"),
            Map.of("Content-Type", "application/json; charset=utf-16"), Map.of("Content-Type", "multipart/form-data"),
            Map.of("Content-Type", "application/x-www-form-urlencoded"), Map.of("Content-Type", "*/*"),
            Map.of("Content-Type", "application/json;;;"), Map.of("Accept", "application/xml"), Map.of("Accept", "text/csv"),
            Map.of("Accept", "image/png"), Map.of("Accept", "application/json;q=0"), Map.of("Accept", "*/*;q=x"),
            Map.of("Idempotency-Key", ""), Map.of("Idempotency-Key", "k".repeat(300)), Map.of("Idempotency-Key", "{\"$ne\":1}"),
            Map.of("X-Correlation-Id", "c".repeat(1_000)), Map.of("X-Correlation-Id", "a b\tc"), Map.of("If-Match", "\"-1\""),
            Map.of("If-Match", "W/\"x\""), Map.of("Content-Encoding", "gzip"), Map.of("Transfer-Encoding", "chunked"));

    /** Values of the seeded tenant for fields the API knows by name, so the untouched rest of a request is plausible. */
    private final Map<String, JsonNode> known;
    private final JsonNode document;
    private final String tenant;
    private final Map<String, String> pathValues;

    BadRequests(JsonNode document, String tenant, Map<String, String> pathValues, Map<String, JsonNode> known) {
        this.document = document;
        this.tenant = tenant;
        this.pathValues = pathValues;
        this.known = known;
    }

    List<BadRequest> all() {
        return operations().stream().flatMap(operation -> spoiled(operation).stream()).toList();
    }

    /** One request per operation with nothing spoiled: what a careful client would send. */
    List<BadRequest> plausible() {
        return operations().stream().map(operation -> new BadRequest(operation.name(), "nothing", operation.method(),
                operation.path() + operation.query(), operation.contentType(), withoutUnguessable(operation),
                headers(operation.spec()))).toList();
    }

    /** Optional parts whose valid values no schema tells (a redirect URL, colours), left out of a plausible request. */
    private static final Set<String> UNGUESSABLE = Set.of("doubleOptIn", "branding");

    private static byte[] withoutUnguessable(Operation operation) {
        if (operation.body() == null || !operation.body().isObject() || operation.contentType().startsWith("multipart/")) {
            return operation.valid();
        }
        ObjectNode body = (ObjectNode) operation.body().deepCopy();
        UNGUESSABLE.forEach(body::remove);
        return bytes(operation.contentType(), body);
    }

    /** Header parameters the operation names, with the seeded tenant's values (a profile is at its first version). */
    private static Map<String, String> headers(JsonNode operation) {
        var headers = new LinkedHashMap<String, String>();
        for (JsonNode param : operation.path("parameters")) {
            if (param.get("in").asString().equals("header") && param.get("name").asString().equals("If-Match")) {
                headers.put("If-Match", "\"1\"");
            }
        }
        return headers;
    }

    /** An operation of the document, with a plausible request built from its schemas. */
    private record Operation(String name, String method, String template, JsonNode spec, String path, String query,
                             String contentType, JsonNode body, byte[] valid) {
    }

    private List<Operation> operations() {
        var operations = new ArrayList<Operation>();
        for (var path : document.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (var operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                String template = path.getKey();
                JsonNode content = operation.getValue().at("/requestBody/content");
                String contentType = content.isMissingNode() ? null : content.properties().iterator().next().getKey();
                JsonNode body = contentType == null ? null : example(content.get(contentType).get("schema"), "", 0);
                byte[] valid = body == null ? null : contentType.startsWith("multipart/")
                        ? multipartFramed(jobOf(body)).getBytes(StandardCharsets.UTF_8) : bytes(contentType, body);
                operations.add(new Operation(method + " " + template.replace("/api/v1/tenants/{tenantId}", ""), method, template,
                        operation.getValue(), expand(template, Map.of()), requiredQuery(operation.getValue()),
                        contentType == null || !contentType.startsWith("multipart/") ? contentType
                                : "multipart/form-data; boundary=" + BOUNDARY, body, valid));
            }
        }
        return operations;
    }

    private List<BadRequest> spoiled(Operation spoiled) {
        String name = spoiled.name();
        String method = spoiled.method();
        String template = spoiled.template();
        JsonNode operation = spoiled.spec();
        String path = spoiled.path();
        String query = spoiled.query();
        String contentType = spoiled.contentType();
        JsonNode body = spoiled.body();
        byte[] valid = spoiled.valid();
        var out = new ArrayList<BadRequest>();
        java.util.function.BiConsumer<String, byte[]> withBody = (spoil, bytes) ->
                out.add(new BadRequest(name, spoil, method, path + query, contentType, bytes, Map.of()));

        if (contentType != null && contentType.startsWith("multipart/")) {
            // a complete body whose job cannot be read, so that a spoiled header, path or query never starts a load
            valid = multipartFramed("{").getBytes(StandardCharsets.UTF_8);
            multipart(body).forEach((spoil, request) -> out.add(new BadRequest(name, spoil, method, path + query,
                    request.getKey(), request.getValue(), Map.of())));
        } else if (body != null) {
            String text = new String(valid, StandardCharsets.UTF_8);
            for (int cut : new int[]{1, text.length() / 4, text.length() / 2, text.length() - 1}) {
                withBody.accept("truncated at " + cut, text.substring(0, Math.max(0, cut)).getBytes(StandardCharsets.UTF_8));
            }
            for (String whole : List.of("", "null", "[]", "42", "\"text\"", "{", "}", "{}{}", text + "x", text + "{}",
                    "{'single':'quotes'}", "{\"a\":NaN}", "{\"a\":1,}", "/* comment */" + text, "\ufeff" + text,
                    "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000))) {
                withBody.accept("body " + abbreviate(whole), whole.getBytes(StandardCharsets.UTF_8));
            }
            withBody.accept("invalid UTF-8", concat(text.substring(0, text.length() / 2), new byte[]{(byte) 0xC3, 0x28, (byte) 0xFF},
                    text.substring(text.length() / 2)));
            withBody.accept("unknown field", ("{\"isAdmin\":true," + text.substring(1)).getBytes(StandardCharsets.UTF_8));
            if (body.isObject() && !body.isEmpty()) {
                String first = body.properties().iterator().next().getKey();
                withBody.accept("duplicate key " + first, ("{\"" + first + "\":" + body.get(first) + "," + text.substring(1))
                        .getBytes(StandardCharsets.UTF_8));
            }
            for (List<Object> field : fields(body, new ArrayList<>())) {
                for (JsonNode value : SPOILED_VALUES) {
                    withBody.accept(field + " = " + abbreviate(value.toString()), bytes(contentType, replaced(body, field, value)));
                }
            }
        }
        for (var param : pathParameters(template)) {
            for (String value : SPOILED_PATH_VALUES) {
                out.add(new BadRequest(name, "path " + param + " = " + abbreviate(value), method,
                        expand(template, Map.of(param, value)) + query, contentType, valid, Map.of()));
            }
        }
        for (JsonNode param : operation.path("parameters")) {
            if (param.get("in").asString().equals("query")) {
                for (String value : SPOILED_QUERY_VALUES) {
                    out.add(new BadRequest(name, "query " + param.get("name").asString() + " = " + abbreviate(value), method,
                            path + withQuery(query, param.get("name").asString(), value), contentType, valid, Map.of()));
                }
            }
        }
        for (Map<String, String> header : SPOILED_HEADERS) {
            out.add(new BadRequest(name, "header " + header, method, path + query, contentType, valid, header));
        }
        return out;
    }

    /** Uploads: a job part and a file part, framed wrongly or with a job that cannot be read. */
    private static final String BOUNDARY = "fuzz-boundary";

    /** A job part and a file part, framed as a browser frames them. */
    private static String multipartFramed(String job) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"job\"\r\nContent-Type: application/json\r\n\r\n"
                + job + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\na,b\r\n--" + BOUNDARY + "--\r\n";
    }

    private static String jobOf(JsonNode body) {
        return body.has("job") ? body.get("job").toString() : "{}";
    }

    private Map<String, Map.Entry<String, byte[]>> multipart(JsonNode body) {
        String job = jobOf(body);
        String boundary = BOUNDARY;
        String framed = multipartFramed(job);
        String withJob = framed.replace(job, "%s");
        var cases = new LinkedHashMap<String, Map.Entry<String, byte[]>>();
        String type = "multipart/form-data; boundary=" + boundary;
        cases.put("multipart without boundary", Map.entry("multipart/form-data", framed.getBytes(StandardCharsets.UTF_8)));
        cases.put("multipart with another boundary", Map.entry("multipart/form-data; boundary=other", framed.getBytes(StandardCharsets.UTF_8)));
        for (int cut : new int[]{10, framed.length() / 2, framed.length() - 10}) {
            cases.put("multipart cut at " + cut, Map.entry(type, framed.substring(0, cut).getBytes(StandardCharsets.UTF_8)));
        }
        cases.put("multipart without file", Map.entry(type, ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"job\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + job + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8)));
        cases.put("multipart without job", Map.entry(type, framed.substring(framed.indexOf("--" + boundary, 10))
                .getBytes(StandardCharsets.UTF_8)));
        for (String spoiled : List.of("{", "null", "[]", "{\"shape\":\"NOPE\"}", "{\"isAdmin\":true}", "{\"shape\":{\"$ne\":1}}",
                "{\"shape\":\"CONSENT_ROWS\",\"format\":\"XML\"}", "\"" + LONG + "\"")) {
            cases.put("multipart job " + abbreviate(spoiled), Map.entry(type, withJob.replace("%s", spoiled).getBytes(StandardCharsets.UTF_8)));
        }
        cases.put("multipart empty", Map.entry(type, new byte[0]));
        return cases;
    }

    private JsonNode example(JsonNode schema, String name, int depth) {
        JsonNode resolved = resolve(schema);
        if (known.containsKey(name)) {
            return known.get(name).deepCopy();
        }
        if (resolved.has("example")) {
            return resolved.get("example").deepCopy();
        }
        if (resolved.has("enum")) {
            return resolved.get("enum").get(0).deepCopy();
        }
        String type = resolved.path("type").asString("object");
        return switch (type) {
            case "string" -> switch (resolved.path("format").asString("")) {
                case "date-time" -> NODES.stringNode("2026-11-01T00:00:00Z");
                case "date" -> NODES.stringNode("2015-05-01");
                case "binary" -> NODES.stringNode("a,b");
                default -> NODES.stringNode("fuzz");
            };
            case "integer", "number" -> NODES.numberNode(1);
            case "boolean" -> NODES.booleanNode(false);
            case "array" -> depth > 5 ? NODES.arrayNode() : NODES.arrayNode().add(example(resolved.get("items"), name, depth + 1));
            default -> {
                ObjectNode object = NODES.objectNode();
                if (depth <= 5) {
                    for (var property : resolved.path("properties").properties()) {
                        object.set(property.getKey(), example(property.getValue(), property.getKey(), depth + 1));
                    }
                }
                yield object;
            }
        };
    }

    private JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            return document.at(ref.substring(1));
        }
        return schema;
    }

    /** Every place in a body a value sits, as the keys and indexes leading to it. */
    private static List<List<Object>> fields(JsonNode node, List<Object> at) {
        var found = new ArrayList<List<Object>>();
        if (node.isObject()) {
            for (var property : node.properties()) {
                var next = new ArrayList<>(at);
                next.add(property.getKey());
                found.add(next);
                found.addAll(fields(property.getValue(), next));
            }
        } else if (node.isArray() && !node.isEmpty()) {
            var next = new ArrayList<>(at);
            next.add(0);
            found.add(next);
            found.addAll(fields(node.get(0), next));
        }
        return found;
    }

    private static JsonNode replaced(JsonNode body, List<Object> field, JsonNode value) {
        JsonNode copy = body.deepCopy();
        JsonNode parent = copy;
        for (Object step : field.subList(0, field.size() - 1)) {
            parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
        }
        Object last = field.getLast();
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
        return copy;
    }

    private static byte[] bytes(String contentType, JsonNode body) {
        String json = HttpApi.JSON.writeValueAsString(body);
        if (contentType.contains("ndjson")) {
            // a decision batch: the item as a line, between two good ones
            String line = body.isArray() && !body.isEmpty() ? HttpApi.JSON.writeValueAsString(body.get(0)) : json;
            return (line + "\n" + line + "\n").getBytes(StandardCharsets.UTF_8);
        }
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private String expand(String template, Map<String, String> spoiled) {
        String path = template.replace("{tenantId}", spoiled.getOrDefault("tenantId", tenant));
        for (var value : pathValues.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", spoiled.getOrDefault(value.getKey(), value.getValue()));
        }
        return path;
    }

    private static List<String> pathParameters(String template) {
        var names = new ArrayList<String>();
        var matcher = java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static String requiredQuery(JsonNode operation) {
        var query = new StringBuilder();
        for (JsonNode param : operation.path("parameters")) {
            if (param.get("in").asString().equals("query") && param.path("required").asBoolean(false)) {
                query.append(query.isEmpty() ? '?' : '&').append(param.get("name").asString()).append("=2026-11-01T00:00:00Z");
            }
        }
        return query.toString();
    }

    private static String withQuery(String query, String name, String value) {
        String rest = query.replaceAll("[?&]" + name + "=[^&]*", "");
        return (rest.isEmpty() ? "?" : rest + "&") + name + "=" + value.replace(" ", "%20");
    }

    private static byte[] concat(String head, byte[] middle, String tail) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 37) + "…(" + text.length() + ")" : text;
    }
}
