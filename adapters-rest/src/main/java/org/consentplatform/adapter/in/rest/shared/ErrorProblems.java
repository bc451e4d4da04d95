package org.consentplatform.adapter.in.rest.shared;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;

/**
 * What the container forwards to {@code /error} (a path it refused, a method no endpoint has)
 * answers as a problem document like every other error, instead of Spring's default JSON.
 * Called directly, {@code /error} is a path like any other that does not exist.
 */
@Hidden
@RestController
public class ErrorProblems implements ErrorController {

    @RequestMapping(path = "/error", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        if (status == null || !status.isError()) {
            status = HttpStatus.NOT_FOUND;
        }
        HttpStatus answered = status;
        Problems kind = Arrays.stream(Problems.values()).filter(problem -> problem.status == answered).findFirst()
                .orElse(status.is4xxClientError() ? Problems.INVALID_INPUT : Problems.INTERNAL);
        ProblemDetail problem = kind.detail(detailOf(status));
        problem.setStatus(status.value());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String detailOf(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "no such resource";
            case METHOD_NOT_ALLOWED -> "this resource does not take that method";
            case BAD_REQUEST -> "the request line, a header or the path is malformed";
            default -> status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
