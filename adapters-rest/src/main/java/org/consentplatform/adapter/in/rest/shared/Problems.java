package org.consentplatform.adapter.in.rest.shared;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The problem types of the API (RFC 9457). Each kind has a stable type URI; clients branch on
 * it, never on the human {@code detail}.
 */
public enum Problems {
    INVALID_INPUT(HttpStatus.BAD_REQUEST, "Invalid input"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Missing or invalid token"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "Not allowed"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    CONFLICT(HttpStatus.CONFLICT, "Conflicting change"),
    ALREADY_EXISTS(HttpStatus.CONFLICT, "Already exists"),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.CONFLICT, "Idempotency key reused"),
    PRECONDITION_FAILED(HttpStatus.PRECONDITION_FAILED, "Version mismatch"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    RULE_VIOLATION(HttpStatus.UNPROCESSABLE_CONTENT, "Rule violation"),
    PRECONDITION_REQUIRED(HttpStatus.PRECONDITION_REQUIRED, "If-Match required"),
    TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private static final String BASE = "urn:consentplatform:problem:";

    final HttpStatus status;
    final String title;

    Problems(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    /** The problem type of a status Spring answered by itself; a 4xx without a type of its own is invalid input. */
    static Problems ofStatus(int status) {
        for (Problems problem : values()) {
            if (problem.status.value() == status) {
                return problem;
            }
        }
        return status >= 500 ? INTERNAL : INVALID_INPUT;
    }

    /** Every kind answered with that status, for the API's documentation. */
    public static List<Problems> withStatus(int status) {
        return java.util.Arrays.stream(values()).filter(problem -> problem.status.value() == status).toList();
    }

    public String title() {
        return title;
    }

    URI type() {
        return URI.create(typeUri());
    }

    public String typeUri() {
        return BASE + name().toLowerCase().replace('_', '-');
    }

    public ProblemDetail detail(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type());
        problem.setTitle(title);
        return problem;
    }

    /** Seconds a client waits after a storage outage, in the {@code Retry-After} header of every such 503. */
    static final String RETRY_AFTER_OUTAGE = "5";

    /** A problem listing each offending field or line. */
    ProblemDetail withErrors(String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = detail(detail);
        problem.setProperty("errors", errors);
        return problem;
    }
}
