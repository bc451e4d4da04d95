package org.consentplatform.adapter.in.http;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.http.HttpMessageFactory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.consentplatform.adapter.inbound.InboundCloudEvents;
import org.consentplatform.adapter.inbound.UnprocessableEvent;
import org.consentplatform.application.port.in.InboundIntake;
import org.consentplatform.application.port.in.RecordInboundEvents;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Collections;
import java.util.Locale;

/**
 * The HTTP intake, for providers that cannot write to Kafka: one inbound event per request in
 * the CloudEvents HTTP binding, structured ({@code application/cloudevents+json}) or binary
 * ({@code ce-*} headers, the data as the body). It applies exactly what the Kafka listener
 * applies, read by the same {@link InboundCloudEvents}. Nothing is read before the signature
 * holds; an event id is applied once, so a provider retries freely; a request that can never be
 * applied is a 4xx problem, so the provider stops retrying it, and has changed nothing.
 */
@RestController
@Tag(name = "Inbound events")
@SecurityScheme(name = "intakeSignature", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER, paramName = "Consent-Signature",
        description = "t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\" keyed by the tenant's intake secret>, within 5 minutes "
                + "of the platform's clock. Example: t=1796652767,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd")
class InboundIntakeController {

    static final String PATH = "/inbound/v1/tenants/{tenantId}/events";
    static final String SIGNATURE = "Consent-Signature";
    private static final Logger LOG = LoggerFactory.getLogger(InboundIntakeController.class);

    @Schema(description = "What the event did. An event id seen before is acknowledged as a duplicate and applied no second time.")
    record Received(String id, String kind, boolean duplicate, int changes,
                    @Schema(description = "For a text: the keyword it was (STOP, START, HELP); absent when it was none") String keyword) {
    }

    private final InboundIntake gate;
    private final RecordInboundEvents events;

    InboundIntakeController(InboundIntake gate, RecordInboundEvents events) {
        this.gate = gate;
        this.events = events;
    }

    @PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Report one inbound event (unsubscribe, hard bounce, spam complaint, SMS received) over HTTP, signed "
            + "with the tenant's intake secret", security = @SecurityRequirement(name = "intakeSignature"))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = "application/cloudevents+json", schema = @Schema(type = "object",
                    description = "Structured mode: the whole CloudEvent (specversion, id, source, type, time, data)")),
            @Content(mediaType = "application/json", schema = @Schema(type = "object",
                    description = "Binary mode: the event's data, its attributes in ce-specversion, ce-id, ce-source, ce-type and ce-time"))})
    ResponseEntity<Received> receive(@PathVariable String tenantId, @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        TenantId tenant = new TenantId(tenantId);
        byte[] bytes = body == null ? new byte[0] : body;
        gate.authenticate(tenant, request.getHeader(SIGNATURE), bytes);
        InboundCloudEvents.Inbound inbound;
        try {
            inbound = InboundCloudEvents.parse(read(request, bytes));
        } catch (UnprocessableEvent e) {
            if (e.getCause() instanceof DomainRejection.InvalidInput invalid) {
                throw invalid; // the platform's own 400, a line per field
            }
            throw e;
        }
        if (!inbound.tenant().equals(tenant)) {
            throw new UnprocessableEvent("event " + inbound.id() + " names tenant '" + inbound.tenant()
                    + "', but was signed for '" + tenant + "'", null);
        }
        MDC.put("tenant", tenant.value());
        try {
            InboundCloudEvents.Applied applied = inbound.applyTo(events);
            LOG.debug("Inbound event {} of {} over HTTP: {}", applied.id(), tenant, applied);
            return ResponseEntity.ok(new Received(applied.id(), applied.kind(), applied.duplicate(), applied.changes(), applied.keyword()));
        } finally {
            MDC.remove("tenant");
        }
    }

    /** The binding's two modes, told apart by their headers (the CloudEvents HTTP binding, §3). */
    private static CloudEvent read(HttpServletRequest request, byte[] body) {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/cloudevents-batch")) {
            throw new UnprocessableEvent("batched mode is not accepted: send one event per request", null);
        }
        try {
            return HttpMessageFactory.createReader(headers -> Collections.list(request.getHeaderNames()).forEach(name ->
                    headers.accept(name.toLowerCase(Locale.ROOT), request.getHeader(name))), body).toEvent();
        } catch (EventDeserializationException | IllegalArgumentException | IllegalStateException e) {
            throw new UnprocessableEvent("not a CloudEvents 1.0 event in structured or binary HTTP mode: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // the SDK reports a missing attribute or an unknown spec version with exceptions of its own
            throw new UnprocessableEvent("not a CloudEvents 1.0 event: " + e.getMessage(), e);
        }
    }

    /** Refused by the gate: 401 with a challenge naming the scheme, and nothing read. */
    @ExceptionHandler(InboundIntake.Refused.class)
    ResponseEntity<ProblemDetail> refused(InboundIntake.Refused refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, refused.getMessage());
        problem.setType(URI.create("urn:consentplatform:problem:signature-refused"));
        problem.setTitle("Signature refused");
        problem.setProperty("reason", refused.verdict().name());
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, SIGNATURE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A poison request: 400, so the provider does not retry what no retry can apply. */
    @ExceptionHandler(UnprocessableEvent.class)
    ResponseEntity<ProblemDetail> unprocessable(UnprocessableEvent unprocessable) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unprocessable.getMessage());
        problem.setType(URI.create("urn:consentplatform:problem:unprocessable-event"));
        problem.setTitle("Unprocessable event");
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
