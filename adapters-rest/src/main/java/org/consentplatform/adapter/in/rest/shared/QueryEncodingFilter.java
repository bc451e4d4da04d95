package org.consentplatform.adapter.in.rest.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Refuses a query string that is not correctly %-encoded before anything reads it: the servlet
 * container would drop such a parameter silently, and the endpoint would answer as if it had
 * not been sent.
 */
final class QueryEncodingFilter extends OncePerRequestFilter {

    private static final Pattern WELL_ENCODED = Pattern.compile("([^%]|%[0-9A-Fa-f]{2})*");

    private final ProblemWriter problems;

    QueryEncodingFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && !WELL_ENCODED.matcher(query).matches()) {
            problems.write(response, Problems.INVALID_INPUT.withErrors("the query string is not correctly %-encoded",
                    java.util.List.of(java.util.Map.of("field", "query", "reason", "every % must start a two-digit hexadecimal escape"))));
            return;
        }
        chain.doFilter(request, response);
    }
}
