package org.consentplatform.adapter.in.rest.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Around Spring Security: a token that could not be checked because the identity provider or its
 * keys cannot be reached is the service's trouble, not the caller's. Spring Security rethrows it
 * as an {@link AuthenticationServiceException}; this answers a 503 problem with Retry-After, as a
 * storage outage does, instead of a 500. The next token tries the provider again.
 */
final class IdentityProviderOutageFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityProviderOutageFilter.class);

    private final ProblemWriter problems;

    IdentityProviderOutageFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (AuthenticationServiceException e) {
            LOG.warn("Identity provider unavailable: {}", e.getMessage());
            if (!response.isCommitted()) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Problems.RETRY_AFTER_OUTAGE);
                problems.write(response, Problems.SERVICE_UNAVAILABLE.detail("the identity provider cannot be reached to check "
                        + "the token: retry shortly"));
            }
        }
    }
}
