package org.consentplatform.adapter.in.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.consentplatform.application.port.StorageUnavailable;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The console's sessions are in the store, so reading or saving one fails while the store is
 * down, outside any controller. Registered around the session filter, this answers such a
 * request with a 503 page that says to retry, instead of the container's 500.
 */
final class ConsoleOutageFilter extends OncePerRequestFilter {

    private static final String PAGE = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Try again shortly</title></head>
            <body><main><h1 id="unavailable">Try again shortly</h1>
            <p>The platform cannot reach its store right now. Nothing was changed: try again in a few seconds.</p></main></body></html>
            """;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            if (!causedByStorage(e) || response.isCommitted()) {
                throw e;
            }
            response.reset();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "5");
            response.setContentType("text/html;charset=UTF-8");
            response.getOutputStream().write(PAGE.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static boolean causedByStorage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StorageUnavailable) {
                return true;
            }
        }
        return false;
    }
}
