package org.consentplatform.acceptance.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A plain HTTP client of the running service, as any integrator would write one. */
public final class HttpApi {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Tokens live an hour: one per client and service for the whole run. */
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private final int port;

    public HttpApi(int port) {
        this.port = port;
    }

    public record Response(int status, Map<String, List<String>> headers, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    /** A token from the dev issuer by the client-credentials grant, like a real integrator gets one. */
    public String token(String client) {
        return TOKENS.computeIfAbsent(port + "/" + client, key -> {
            String c = client;
            String form = "grant_type=client_credentials&scope=" + URLEncoder.encode(scopesOf(c), StandardCharsets.UTF_8);
            var request = HttpRequest.newBuilder(uri("/oauth2/token"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((c + ":" + c + "-secret").getBytes()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
            Response response = send(request);
            if (response.status() != 200) {
                throw new IllegalStateException("token for " + c + ": " + response);
            }
            return response.json().get("access_token").asString();
        });
    }

    private static String scopesOf(String client) {
        return switch (client) {
            case "demo-admin" -> "consent:admin consent:read consent:write consent:decide consent:audit consent:import";
            case "demo-marketing" -> "consent:read consent:write consent:decide";
            case "demo-auditor" -> "consent:audit consent:privacy";
            case "demo-monitoring" -> "consent:metrics";
            default -> throw new IllegalArgumentException(client);
        };
    }

    public Response call(String method, String path, String token, String contentType, String body, Map<String, String> headers) {
        return callWithBytes(method, path, token, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** A request whose body is any bytes, not necessarily UTF-8. */
    public Response callWithBytes(String method, String path, String token, String contentType, byte[] body, Map<String, String> headers) {
        var builder = HttpRequest.newBuilder(uri(path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        headers.forEach(builder::header);
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return send(builder.build());
    }

    public Response post(String path, String token, Object body) {
        return call("POST", path, token, "application/json", json(body), Map.of());
    }

    public Response put(String path, String token, Object body) {
        return call("PUT", path, token, "application/json", json(body), Map.of());
    }

    public Response get(String path, String token) {
        return call("GET", path, token, null, null, Map.of());
    }

    /** A multipart/form-data upload: a JSON part and a file part, as a browser or curl -F sends them. */
    public Response upload(String path, String token, String jsonPart, Object json, String filePart, String fileName, byte[] file) {
        String boundary = "----consent" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + jsonPart + "\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + json(json) + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + filePart + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return send(request);
    }

    public static String json(Object body) {
        return body instanceof String text ? text : JSON.writeValueAsString(body);
    }

    /** A POST of JSON whose answer is read as bytes (a PDF, say), with the media type asked for. */
    public byte[] postForBytes(String path, String token, Object body, String accept) {
        var request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(json(body))).build();
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("answered " + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
            }
            if (!response.headers().firstValue("Content-Type").orElse("").startsWith(accept)) {
                throw new AssertionError("answered " + response.headers().firstValue("Content-Type") + ", not " + accept);
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
