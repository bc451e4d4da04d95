package org.consentplatform.adapter.in.rest.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Refuses an Accept or Content-Type header that is no media type at all (a quality of "x",
 * "application/json;;;") with a 400 problem before anything reads it: past this point Spring
 * could neither choose a converter nor write its refusal in any type, and answered an empty 406.
 */
final class MediaTypeHeadersFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    MediaTypeHeadersFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (String header : List.of(HttpHeaders.ACCEPT, HttpHeaders.CONTENT_TYPE)) {
            try {
                MediaType.parseMediaTypes(Collections.list(request.getHeaders(header)));
            } catch (InvalidMediaTypeException e) {
                problems.write(response, Problems.INVALID_INPUT.withErrors("the " + header + " header is not a list of media types",
                        List.of(Map.of("field", "header " + header, "reason", "must be media types such as application/json"))));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
