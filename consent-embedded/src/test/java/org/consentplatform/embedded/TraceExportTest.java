package org.consentplatform.embedded;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Spans leave over OTLP (HTTP, protobuf) once an endpoint is configured: a local receiver gets the request's trace. */
class TraceExportTest {

    private final LinkedBlockingQueue<byte[]> exported = new LinkedBlockingQueue<>();
    private HttpServer receiver;
    private ConfigurableApplicationContext service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void aSampledRequestsSpanReachesTheConfiguredOtlpEndpoint() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/v1/traces", exchange -> {
            exported.add(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        service = InMemoryService.start(
                "--management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:" + receiver.getAddress().getPort() + "/v1/traces",
                "--management.opentelemetry.tracing.export.schedule-delay=100ms");
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(InMemoryService.baseUrl(service) + "/actuator/health"))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        byte[] traceIdBytes = HexFormat.of().parseHex(traceId);
        boolean found = false;
        for (byte[] batch; !found && (batch = exported.poll(30, TimeUnit.SECONDS)) != null; ) {
            // the protobuf ExportTraceServiceRequest holds the trace id as its 16 raw bytes
            found = new String(batch, StandardCharsets.ISO_8859_1).contains(new String(traceIdBytes, StandardCharsets.ISO_8859_1));
        }
        assertThat(found).as("a span of trace " + traceId + " exported").isTrue();
    }
}
