package org.consentplatform.bootstrap;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Requests Tomcat refuses before any servlet sees them (a path with {@code %00}, {@code %2F} or
 * a bare {@code %}, a header over the limit or with bytes it cannot read) are answered with a
 * problem document too, instead of Tomcat's HTML page.
 */
@Component
class ProblemErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemValve.class.getName());
            }
        });
    }

    /** Writes the container's own refusals as {@code application/problem+json}. */
    public static final class ProblemValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable failure) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String type = status >= 500 ? "internal" : status == 404 ? "not-found" : "invalid-input";
            String title = status >= 500 ? "Internal error" : status == 404 ? "Not found" : "Invalid input";
            String body = "{\"type\":\"urn:consentplatform:problem:" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                    + ",\"detail\":\"the request line, a header or the path is malformed\"}";
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.getWriter().write(body);
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response is committed: nothing more to say
            }
        }
    }
}
