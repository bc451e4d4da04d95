package org.consentplatform.adapter.in.rest.shared;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/** Writes a problem from places outside Spring MVC: servlet filters and security handlers. */
public final class ProblemWriter {

    private final JsonMapper json;

    ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    /** A storage outage, answered with {@code Retry-After} like the MVC handler's. */
    public void writeStorageUnavailable(HttpServletResponse response, String detail) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Problems.RETRY_AFTER_OUTAGE);
        write(response, Problems.SERVICE_UNAVAILABLE.detail(detail));
    }

    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
