package org.consentplatform.adapter.in.rest.shared;

import org.consentplatform.adapter.in.rest.shared.JsonReasons;
import org.consentplatform.application.port.EventStreamUnavailable;
import org.consentplatform.application.port.StorageUnavailable;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns every error into an RFC 9457 problem. A 500 is logged as the bug it is, without leaking internals. */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);
    static final String STORAGE_UNAVAILABLE = "storage is unavailable: retry shortly";

    @ExceptionHandler(DomainRejection.class)
    ResponseEntity<ProblemDetail> rejection(DomainRejection rejection) {
        if (rejection instanceof DomainRejection.TooManyRequests tooMany) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, tooMany.retryAfter().toSeconds())))
                    .body(problemOf(rejection));
        }
        return respond(problemOf(rejection));
    }

    /** The problem a rejection is answered with, wherever it is written (a response, a line of a stream). */
    /** A problem as the members of a JSON object, for answers that embed one (a line of an NDJSON stream). */
    public static Map<String, Object> asMap(ProblemDetail problem) {
        var map = new LinkedHashMap<String, Object>();
        map.put("type", problem.getType().toString());
        map.put("status", problem.getStatus());
        map.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            map.putAll(problem.getProperties());
        }
        return map;
    }

    public static ProblemDetail problemOf(DomainRejection rejection) {
        return switch (rejection) {
            case DomainRejection.InvalidInput invalid -> Problems.INVALID_INPUT.withErrors(invalid.getMessage(),
                    invalid.violations().stream().map(ProblemHandler::error).toList());
            case DomainRejection.NotFound notFound -> Problems.NOT_FOUND.detail(notFound.getMessage());
            case DomainRejection.RuleViolation violation -> {
                ProblemDetail problem = Problems.RULE_VIOLATION.detail(violation.getMessage());
                problem.setProperty("rule", violation.rule());
                yield problem;
            }
            case DomainRejection.ConcurrentChange conflict -> Problems.CONFLICT.detail(conflict.getMessage());
            case DomainRejection.AlreadyExists exists -> Problems.ALREADY_EXISTS.detail(exists.getMessage());
            case DomainRejection.TooManyRequests tooMany -> Problems.TOO_MANY_REQUESTS.detail(tooMany.getMessage());
        };
    }

    @ExceptionHandler(VersionMismatch.class)
    ResponseEntity<ProblemDetail> versionMismatch(VersionMismatch e) {
        return respond(e.required
                ? Problems.PRECONDITION_REQUIRED.detail("send If-Match with the ETag of the version you read")
                : Problems.PRECONDITION_FAILED.detail(e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(Problems.INVALID_INPUT.withErrors("parameter " + e.getName() + " has the wrong type",
                List.of(Map.of("field", e.getName(), "reason", "has the wrong type"))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (PayloadTooLarge.causeOf(e)) {
            return body(Problems.PAYLOAD_TOO_LARGE.detail("the request body is larger than this endpoint accepts"));
        }
        Throwable cause = e.getMostSpecificCause();
        String field = cause instanceof JacksonException jackson ? JsonReasons.field(jackson) : "body";
        String reason = cause instanceof JacksonException jackson ? JsonReasons.of(jackson) : "is not readable JSON";
        return body(Problems.INVALID_INPUT.withErrors("the request body is not valid: " + field + " " + reason,
                List.of(Map.of("field", field, "reason", reason))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e, HttpHeaders headers,
                                                                     HttpStatusCode status, WebRequest request) {
        return body(Problems.UNSUPPORTED_MEDIA_TYPE.detail("send " + e.getSupportedMediaTypes()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException e, HttpHeaders headers,
                                                                      HttpStatusCode status, WebRequest request) {
        return body(Problems.NOT_ACCEPTABLE.detail("this endpoint answers " + e.getSupportedMediaTypes()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
                                                                         HttpHeaders headers, HttpStatusCode status,
                                                                         WebRequest request) {
        return body(Problems.METHOD_NOT_ALLOWED.detail(e.getMethod() + " is not supported here"));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        return body(Problems.NOT_FOUND.detail("no such resource"));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> malformedMultipart(MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException) {
            return respond(Problems.PAYLOAD_TOO_LARGE.detail("the upload is larger than this endpoint accepts"));
        }
        return respond(Problems.INVALID_INPUT.withErrors("the multipart body is malformed or cut short",
                List.of(Map.of("field", "body", "reason", "is not a complete multipart/form-data body"))));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        return respond(Problems.INVALID_INPUT.withErrors("header " + e.getHeaderName() + " is required",
                List.of(Map.of("field", e.getHeaderName(), "reason", "is required"))));
    }

    @ExceptionHandler(StorageUnavailable.class)
    ResponseEntity<ProblemDetail> storageUnavailable(StorageUnavailable e) {
        LOG.error("Storage unavailable", e);
        return ResponseEntity.status(503).header(HttpHeaders.RETRY_AFTER, Problems.RETRY_AFTER_OUTAGE)
                .body(Problems.SERVICE_UNAVAILABLE.detail(STORAGE_UNAVAILABLE));
    }

    @ExceptionHandler(EventStreamUnavailable.class)
    ResponseEntity<ProblemDetail> eventStreamUnavailable(EventStreamUnavailable e) {
        LOG.warn("Event stream unavailable: {}", e.getMessage());
        return ResponseEntity.status(503).header(HttpHeaders.RETRY_AFTER, Problems.RETRY_AFTER_OUTAGE)
                .body(Problems.SERVICE_UNAVAILABLE.detail("the event stream is unavailable; nothing was changed: retry shortly"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> bug(Exception e) {
        LOG.error("Unexpected error", e);
        return respond(Problems.INTERNAL.detail("an unexpected error occurred; it has been logged"));
    }

    /** Problems Spring MVC makes itself (a missing parameter, say) get our type URIs too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        // the body is often made only by the base class (a missing parameter or part), so the type is set on what it made
        ResponseEntity<Object> answer = super.handleExceptionInternal(e, body, headers, status, request);
        if (answer != null && answer.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(Problems.ofStatus(status.value()).type());
        }
        return answer;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static ResponseEntity<Object> body(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static Map<String, String> error(Violation violation) {
        return Map.of("field", violation.field(), "reason", violation.reason());
    }

}
