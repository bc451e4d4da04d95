package org.consentplatform.adapter.in.rest.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.consentplatform.application.port.StorageUnavailable;
import org.consentplatform.application.port.in.IdempotentRequests;
import org.consentplatform.application.port.in.IdempotentRequests.Claim;
import org.consentplatform.domain.contactpoint.RawContactPoint;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes sent with an Idempotency-Key: the same caller, key and request get the first
 * successful answer again (marked {@code Idempotent-Replayed: true}); the same key with another
 * request gets 409. Failed requests release the key so that a retry can run. Runs after
 * authentication, so keys are scoped to the tenant and the caller.
 */
final class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final Pattern TENANT_PATH = Pattern.compile("^/api/v1/tenants/([^/]+)/.+");

    private final IdempotentRequests requests;
    private final ProblemWriter problems;
    private final JsonMapper json;

    IdempotencyFilter(IdempotentRequests requests, ProblemWriter problems, JsonMapper json) {
        this.requests = requests;
        this.problems = problems;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        String type = request.getContentType();
        // streams are never buffered whole; the NDJSON endpoints only read
        return request.getHeader(HEADER) == null || !(method.equals("POST") || method.equals("PUT") || method.equals("PATCH"))
                || (type != null && (type.startsWith(NdJson.MEDIA_TYPE) || type.startsWith("multipart/form-data")))
                || !TENANT_PATH.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher path = TENANT_PATH.matcher(request.getRequestURI());
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (!path.matches() || !TechnicalId.isValid(path.group(1)) || caller == null) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (PayloadTooLarge e) {
            problems.write(response, Problems.PAYLOAD_TOO_LARGE.detail(e.getMessage()));
            return;
        }
        TenantId tenant = new TenantId(path.group(1));
        String key = request.getHeader(HEADER);
        String scopedKey = caller.getName() + ":" + key;
        Claim claim;
        try {
            claim = requests.claim(tenant, scopedKey, fingerprint(request, body));
        } catch (DomainRejection rejection) {
            problems.write(response, ProblemHandler.problemOf(rejection));
            return;
        } catch (StorageUnavailable e) {
            // nothing was claimed, so the client may retry with the same key
            problems.writeStorageUnavailable(response, ProblemHandler.STORAGE_UNAVAILABLE);
            return;
        }
        switch (claim) {
            case Claim.Mismatch m -> problems.write(response, Problems.IDEMPOTENCY_KEY_REUSED.detail(
                    "Idempotency-Key '" + key + "' was used for another request"));
            case Claim.InFlight f -> problems.write(response, Problems.IDEMPOTENCY_KEY_REUSED.detail(
                    "the first request with Idempotency-Key '" + key + "' is still being handled: retry later"));
            case Claim.Replay replay -> replay(response, replay.response());
            case Claim.Fresh fresh -> handle(request, response, chain, body, tenant, scopedKey);
        }
    }

    private void handle(HttpServletRequest request, HttpServletResponse response, FilterChain chain, byte[] body,
                        TenantId tenant, String scopedKey) throws IOException, ServletException {
        var recorded = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        try {
            chain.doFilter(new BufferedBody(request, body), recorded);
            int status = recorded.getStatus();
            if (status >= 200 && status < 300) {
                requests.complete(tenant, scopedKey, json.writeValueAsString(stored(recorded)),
                        named(body, recorded.getContentAsByteArray()));
                completed = true;
            }
        } finally {
            if (!completed) {
                requests.release(tenant, scopedKey);
            }
            recorded.copyBodyToResponse();
        }
    }

    /**
     * The contact points the request and its answer name: every JSON object holding a
     * {@code channel} and an {@code address}, as every API shape writes one. The stored answer is
     * erased with them.
     */
    private List<RawContactPoint> named(byte[] request, byte[] answer) {
        var named = new ArrayList<RawContactPoint>();
        for (byte[] body : new byte[][]{request, answer}) {
            try {
                collect(json.readTree(body), named);
            } catch (JacksonException notJson) {
                // a body that is no JSON names nobody this filter can tell
            }
        }
        return named;
    }

    private static void collect(JsonNode node, List<RawContactPoint> named) {
        if (node == null) {
            return;
        }
        if (node.isObject() && node.path("channel").isString() && node.path("address").isString()) {
            try {
                named.add(RawContactPoint.parse(node.get("channel").asString(), node.get("address").asString()));
            } catch (DomainRejection.InvalidInput notAContactPoint) {
                // not one: nothing to erase it with
            }
        }
        node.forEach(child -> collect(child, named));
    }

    private static Map<String, Object> stored(ContentCachingResponseWrapper response) {
        var stored = new LinkedHashMap<String, Object>();
        stored.put("status", response.getStatus());
        stored.put("contentType", response.getContentType());
        stored.put("location", response.getHeader(HttpHeaders.LOCATION));
        stored.put("etag", response.getHeader(HttpHeaders.ETAG));
        stored.put("body", new String(response.getContentAsByteArray(), StandardCharsets.UTF_8));
        return stored;
    }

    private void replay(HttpServletResponse response, String storedResponse) throws IOException {
        Map<?, ?> stored = json.readValue(storedResponse, Map.class);
        response.setStatus(((Number) stored.get("status")).intValue());
        if (stored.get("contentType") != null) {
            response.setContentType((String) stored.get("contentType"));
        }
        if (stored.get("location") != null) {
            response.setHeader(HttpHeaders.LOCATION, (String) stored.get("location"));
        }
        if (stored.get("etag") != null) {
            response.setHeader(HttpHeaders.ETAG, (String) stored.get("etag"));
        }
        response.setHeader("Idempotent-Replayed", "true");
        response.getOutputStream().write(((String) stored.get("body")).getBytes(StandardCharsets.UTF_8));
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body was read to fingerprint it; hand it on unchanged. */
    private static final class BufferedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }
            };
        }
    }
}
