package org.consentplatform.adapter.in.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.consentplatform.application.port.in.ImportConsents;
import org.consentplatform.domain.load.ImportJob;
import org.consentplatform.domain.load.ImportSpec;
import org.consentplatform.domain.load.RowError;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InvalidInputs;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads (§9): a multipart upload of the job (JSON) and its file, answered 202 with the job to
 * follow; the job's progress; cancelling it; its per-row error report as CSV or NDJSON.
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/imports")
@Tag(name = "Imports")
class ImportController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ImportConsents imports;

    ImportController(ImportConsents imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Load a CSV or NDJSON file (part 'file') as the job says (part 'job', JSON); answered 202 with the job to follow")
    ResponseEntity<Api.ImportJob> submit(@PathVariable String tenantId, @RequestPart("job") Api.ImportRequest request,
                                         @RequestPart("file") MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw DomainRejection.InvalidInput.of("file", "is empty");
        }
        ImportJob job = imports.submit(new TenantId(tenantId), spec(request), fileName(file), file.getInputStream());
        return ResponseEntity.accepted().location(URI.create("/api/v1/tenants/" + tenantId + "/imports/" + job.id()))
                .body(toApi(job));
    }

    @GetMapping("/{jobId}")
    @Operation(summary = "A load's state, counts, pace and time left")
    Api.ImportJob job(@PathVariable String tenantId, @PathVariable String jobId) {
        return toApi(imports.job(new TenantId(tenantId), jobId));
    }

    @PostMapping("/{jobId}/cancel")
    @Operation(summary = "Stop a load at its next batch; rows loaded so far stay loaded")
    Api.ImportJob cancel(@PathVariable String tenantId, @PathVariable String jobId) {
        return toApi(imports.cancel(new TenantId(tenantId), jobId));
    }

    @GetMapping(value = "/{jobId}/errors", produces = {"text/csv", NdJson.MEDIA_TYPE})
    @Operation(summary = "The rejected rows (line, field, reason), as CSV (format=csv, the default) or NDJSON (format=ndjson)")
    void errors(@PathVariable String tenantId, @PathVariable String jobId,
                @RequestParam(defaultValue = "csv") String format, HttpServletResponse response) throws IOException {
        boolean csv = switch (format) {
            case "csv" -> true;
            case "ndjson" -> false;
            default -> throw DomainRejection.InvalidInput.of("format", "must be csv or ndjson");
        };
        TenantId tenant = new TenantId(tenantId);
        imports.job(tenant, jobId); // 404 before any byte is written
        response.setContentType(csv ? "text/csv;charset=UTF-8" : NdJson.MEDIA_TYPE + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + jobId + "-errors." + format + "\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        if (csv) {
            out.write("line,field,reason\r\n");
        }
        imports.errors(tenant, jobId, error -> write(out, error, csv));
        out.flush();
    }

    private static void write(Writer out, RowError error, boolean csv) {
        try {
            if (csv) {
                out.write(error.line() + "," + CsvCells.of(error.field()) + "," + CsvCells.of(error.reason()) + "\r\n");
            } else {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("line", error.line());
                line.put("field", error.field());
                line.put("reason", error.reason());
                out.write(JSON.writeValueAsString(line) + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ImportSpec spec(Api.ImportRequest request) {
        if (request == null) {
            throw InvalidInputs.required("job");
        }
        Map<String, ImportSpec.ListTopic> lists = new LinkedHashMap<>();
        if (request.lists() != null) {
            request.lists().forEach((list, topic) -> {
                if (topic == null) {
                    throw DomainRejection.InvalidInput.of("lists." + list, "must name purposeId and topicId");
                }
                lists.put(InvalidInputs.requiredText("lists", list, 200), new ImportSpec.ListTopic(
                        TechnicalId.parse("lists." + list + ".purposeId", topic.purposeId()),
                        TechnicalId.parse("lists." + list + ".topicId", topic.topicId())));
            });
        }
        return new ImportSpec(request.shape(), request.format(),
                request.profileId() == null ? null : TechnicalId.parse("profileId", request.profileId()), lists, request.capturedAt());
    }

    private static String fileName(MultipartFile file) {
        String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
        String safe = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        return safe.length() > 200 ? safe.substring(0, 200) : safe;
    }

    private Api.ImportJob toApi(ImportJob job) {
        var counts = job.counts();
        var now = imports.now();
        return new Api.ImportJob(job.id(), job.spec().shape(), job.spec().format(),
                job.spec().profileId() == null ? null : job.spec().profileId().value(), job.fileName(),
                Api.ImportJobState.valueOf(job.state().name()), job.totalRows(),
                new Api.ImportCounts(counts.read(), counts.applied(), counts.superseded(), counts.unchanged(), counts.rejected()),
                Math.round(job.rowsPerSecond(now) * 10) / 10.0, job.timeLeft(now).map(Object::toString).orElse(null),
                job.createdAt(), job.startedAt(), job.finishedAt(), job.failure(), job.cancelRequested());
    }
}
