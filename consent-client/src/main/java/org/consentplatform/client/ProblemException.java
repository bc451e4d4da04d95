package org.consentplatform.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.consentplatform.client.model.Problem;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Optional;

/**
 * An RFC 9457 problem the service answered, as a typed exception: catch the kind you handle
 * ({@link InvalidInput}, {@link NotFound}, {@link RuleViolation}, {@link Conflict},
 * {@link Unavailable}…) and read {@link #problem()} for the detail and the offending fields.
 * Kinds are told apart by the problem's {@code type}, never by its detail.
 */
public class ProblemException extends RuntimeException {

    private static final String TYPES = "urn:consentplatform:problem:";

    private final int status;
    private final transient Problem problem;
    private final Duration retryAfter;

    ProblemException(int status, Problem problem, String message, Duration retryAfter) {
        super(message);
        this.status = status;
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The problem document; null when the answer carried none (a proxy's error page). */
    public Problem problem() {
        return problem;
    }

    /** The problem type, e.g. {@code urn:consentplatform:problem:invalid-input}; null without a problem document. */
    public String type() {
        return problem == null || problem.getType() == null ? null : problem.getType().toString();
    }

    /** How long the service asked to wait before trying again (429, 503). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** 400: the request is malformed or a field is invalid; {@code problem().getErrors()} names each one. */
    public static final class InvalidInput extends ProblemException {
        InvalidInput(int status, Problem problem, String message, Duration retryAfter) {
            super(status, problem, message, retryAfter);
        }
    }

    /** 401: no token, or one the service does not accept. */
    public static final class Unauthenticated extends ProblemException {
        Unauthenticated(int status, Problem problem, String message, Duration retryAfter) {
            super(status, problem, message, retryAfter);
        }
    }

    /** 403: the token lacks the scope or may not act for the tenant. */
    public static final class Forbidden extends ProblemException {
        Forbidden(int status, Problem problem, String message, Duration retryAfter) {
            super(status, problem, message, retryAfter);
        }
    }

    /** 404: no such profile, contact, job or record in the tenant. */
    public static final class NotFound extends ProblemException {
        NotFound(int status, Problem problem, String message, Duration retryAfter) {
            super(status, problem, message, retryAfter);
        }
    }

    /** 409 (exists already, concurrent change, idempotency key reused with another body) and 412/428 (versions). */
    public static final class Conflict extends ProblemException {
        Conflict(int status, Problem problem, String message, Duration retryAfter) {
            super(status, problem, message, retryAfter);
        }
    }

    /** 422: a rule of the platform refuses it (for example double opt-in on a channel without email). */
    public static final class RuleViolation extends ProblemException {
        RuleViolation(int status, Problem problem, String message, Duration retryAfter) {
            super(status, problem, message, retryAfter);
        }
    }

    /** 429 and 503: try again after {@link #retryAfter()}; nothing was changed. */
    public static final class Unavailable extends ProblemException {
        Unavailable(int status, Problem problem, String message, Duration retryAfter) {
            super(status, problem, message, retryAfter);
        }
    }

    /** The exception for an error answer: its problem document read, its kind chosen by the problem type. */
    static ProblemException of(int status, String body, HttpHeaders headers, ObjectMapper json) {
        Problem problem = null;
        if (body != null && !body.isBlank()) {
            try {
                problem = json.readValue(body, Problem.class);
            } catch (IOException notAProblem) {
                problem = null;
            }
        }
        Duration retryAfter = headers == null ? null : headers.firstValue("Retry-After").flatMap(ProblemException::seconds).orElse(null);
        String type = problem == null || problem.getType() == null ? "" : problem.getType().toString();
        String message = "HTTP " + status + (problem == null ? "" : " " + type + ": " + problem.getDetail());
        String kind = type.startsWith(TYPES) ? type.substring(TYPES.length()) : "";
        return switch (kind) {
            case "invalid-input", "payload-too-large", "unsupported-media-type", "not-acceptable", "method-not-allowed" ->
                    new InvalidInput(status, problem, message, retryAfter);
            case "unauthenticated" -> new Unauthenticated(status, problem, message, retryAfter);
            case "forbidden" -> new Forbidden(status, problem, message, retryAfter);
            case "not-found" -> new NotFound(status, problem, message, retryAfter);
            case "conflict", "already-exists", "idempotency-key-reused", "precondition-failed", "precondition-required" ->
                    new Conflict(status, problem, message, retryAfter);
            case "rule-violation" -> new RuleViolation(status, problem, message, retryAfter);
            case "too-many-requests", "service-unavailable" -> new Unavailable(status, problem, message, retryAfter);
            default -> byStatus(status, problem, message, retryAfter);
        };
    }

    private static ProblemException byStatus(int status, Problem problem, String message, Duration retryAfter) {
        return switch (status) {
            case 401 -> new Unauthenticated(status, problem, message, retryAfter);
            case 403 -> new Forbidden(status, problem, message, retryAfter);
            case 404 -> new NotFound(status, problem, message, retryAfter);
            case 409, 412, 428 -> new Conflict(status, problem, message, retryAfter);
            case 422 -> new RuleViolation(status, problem, message, retryAfter);
            case 429, 502, 503, 504 -> new Unavailable(status, problem, message, retryAfter);
            default -> status >= 400 && status < 500 ? new InvalidInput(status, problem, message, retryAfter)
                    : new ProblemException(status, problem, message, retryAfter);
        };
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
        } catch (NumberFormatException httpDate) {
            return Optional.empty();
        }
    }
}
