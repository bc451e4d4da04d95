package org.consentplatform.adapter.in.rest.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses a query string that is not correctly %-encoded before anything reads it: the servlet
 * container would drop such a parameter silently, and the endpoint would answer as if it had
 * not been sent.
 */
final class QueryEncodingFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    QueryEncodingFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && !wellEncoded(query)) {
            problems.write(response, Problems.INVALID_INPUT.withErrors("the query string is not correctly %-encoded",
                    java.util.List.of(java.util.Map.of("field", "query", "reason", "every % must start a two-digit hexadecimal escape"))));
            return;
        }
        chain.doFilter(request, response);
    }

    /** A loop, not a regular expression: matching one repeated group recursed per character and overflowed the stack on long queries. */
    static boolean wellEncoded(String query) {
        for (int i = 0; i < query.length(); i++) {
            if (query.charAt(i) == '%') {
                if (i + 2 >= query.length() || Character.digit(query.charAt(i + 1), 16) < 0 || Character.digit(query.charAt(i + 2), 16) < 0) {
                    return false;
                }
                i += 2;
            }
        }
        return true;
    }
}
