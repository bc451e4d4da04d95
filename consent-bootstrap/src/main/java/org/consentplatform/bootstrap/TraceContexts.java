package org.consentplatform.bootstrap;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The trace context of the work in progress (an HTTP request, an inbound event) as a W3C
 * {@code traceparent}. The change log keeps it with each change it writes, and the relay puts it
 * in the change's CloudEvent, so a consumer continues the trace of the request that made the
 * change, however long after it the relay publishes it (ADR 43).
 */
final class TraceContexts {

    private static final String TRACEPARENT = "traceparent";

    private TraceContexts() {
    }

    static Supplier<String> current(Tracer tracer, Propagator propagator) {
        return () -> {
            Span span = tracer.currentSpan();
            // an unsampled span is passed on too (its flags say so): the consumer keeps the caller's decision
            if (span == null || span.context().traceId().isEmpty()) {
                return null;
            }
            Map<String, String> carrier = new HashMap<>(4);
            propagator.inject(span.context(), carrier, Map::put);
            return carrier.get(TRACEPARENT);
        };
    }
}
