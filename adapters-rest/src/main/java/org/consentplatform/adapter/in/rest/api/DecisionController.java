package org.consentplatform.adapter.in.rest.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.consentplatform.adapter.in.rest.shared.JsonReasons;
import org.consentplatform.adapter.in.rest.shared.NdJson;
import org.consentplatform.adapter.in.rest.shared.ProblemHandler;
import org.consentplatform.adapter.in.rest.shared.ProblemWriter;
import org.consentplatform.adapter.in.rest.shared.Problems;
import org.consentplatform.application.port.StorageUnavailable;
import org.consentplatform.application.port.in.DecideMessages;
import org.consentplatform.application.port.in.DecideMessages.BatchItem;
import org.consentplatform.domain.enforcement.Decision;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** Enforcement decisions: one, explained, or a stream of any length in NDJSON. */
@RestController
@RequestMapping(path = "/api/v1/tenants/{tenantId}/decisions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Decisions")
class DecisionController {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionController.class);

    private final DecideMessages decisions;
    private final DecisionMapper mapper;
    private final JsonMapper json;
    private final ProblemWriter problems;

    DecisionController(DecideMessages decisions, DecisionMapper mapper, JsonMapper json, ProblemWriter problems) {
        this.decisions = decisions;
        this.mapper = mapper;
        this.json = json;
        this.problems = problems;
    }

    @PostMapping
    @Operation(summary = "May this message be sent, and tracked? Read fresh from storage every time")
    DecisionJson.Decision decide(@PathVariable String tenantId, @RequestBody DecisionJson.DecisionRequest request) {
        return mapper.toApi(decisions.decide(new TenantId(tenantId), mapper.toQuery(request)));
    }

    @PostMapping("/explanation")
    @Operation(summary = "The decision with every record, model and flag that made it (\"why was my journey blocked?\")")
    DecisionJson.Explanation explain(@PathVariable String tenantId, @RequestBody DecisionJson.DecisionRequest request) {
        return mapper.toApi(decisions.explain(new TenantId(tenantId), mapper.toQuery(request)));
    }

    @PostMapping(path = "/batch", consumes = NdJson.MEDIA_TYPE, produces = NdJson.MEDIA_TYPE)
    @Operation(summary = "Decide a stream of any length: one DecisionRequest per line in, one BatchDecision per line out, in order",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = NdJson.MEDIA_TYPE,
                    schema = @Schema(implementation = DecisionJson.DecisionRequest.class))),
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = NdJson.MEDIA_TYPE,
                    schema = @Schema(implementation = DecisionJson.BatchDecision.class))))
    void batch(@PathVariable String tenantId, @Parameter(hidden = true) HttpServletRequest request,
               @Parameter(hidden = true) HttpServletResponse response) throws IOException {
        TenantId tenant = new TenantId(tenantId);
        var lines = new NdJson(new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8));
        response.setContentType(NdJson.MEDIA_TYPE);
        OutputStream out = new BufferedOutputStream(response.getOutputStream(), 64 * 1024);
        try {
            decisions.decideEach(tenant, items(lines), result -> write(out, mapper.toLine(result)));
        } catch (RuntimeException e) {
            LOG.error("Batch decision stream failed", e);
            if (!response.isCommitted()) {
                // nothing has reached the client yet: answer with a proper status, the client retries the whole stream
                response.reset();
                String detail = "the stream could not be decided; nothing was answered";
                if (e instanceof StorageUnavailable) {
                    problems.writeStorageUnavailable(response, detail);
                } else {
                    problems.write(response, Problems.INTERNAL.detail(detail));
                }
                return;
            }
            // the status is sent already: the failure becomes the last line
            write(out, new DecisionJson.BatchDecision(-1, null, null, null, ProblemHandler.asMap(Problems.INTERNAL.detail(
                    "the stream stopped here because of an internal error; lines after the last answered one were not decided"))));
        }
        out.flush();
    }

    private Iterator<BatchItem> items(NdJson lines) {
        return new Iterator<>() {
            private NdJson.Line next = read();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public BatchItem next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                NdJson.Line line = next;
                next = read();
                return parse(line);
            }

            private NdJson.Line read() {
                try {
                    return lines.next();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private BatchItem parse(NdJson.Line line) {
        if (line.tooLong()) {
            return new BatchItem.Unreadable(line.number(), DomainRejection.InvalidInput.of("line",
                    "is longer than " + NdJson.MAX_LINE + " characters"));
        }
        DecisionJson.DecisionRequest request;
        try {
            request = json.readValue(line.text(), DecisionJson.DecisionRequest.class);
        } catch (JacksonException e) {
            return new BatchItem.Unreadable(line.number(), DomainRejection.InvalidInput.of("line",
                    "is not a valid DecisionRequest: " + JsonReasons.field(e) + " " + JsonReasons.of(e)));
        }
        if (request == null) {
            return new BatchItem.Unreadable(line.number(), DomainRejection.InvalidInput.of("line", "is not a valid DecisionRequest: null"));
        }
        try {
            return new BatchItem.Query(line.number(), mapper.toQuery(request));
        } catch (DomainRejection.InvalidInput e) {
            return new BatchItem.Unreadable(line.number(), e);
        }
    }

    private void write(OutputStream out, DecisionJson.BatchDecision line) {
        try {
            out.write(json.writeValueAsBytes(line));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
