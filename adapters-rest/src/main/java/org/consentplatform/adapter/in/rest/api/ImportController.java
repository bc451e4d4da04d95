package org.consentplatform.adapter.in.rest.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.consentplatform.adapter.in.rest.shared.CsvCells;
import org.consentplatform.adapter.in.rest.shared.NdJson;
import org.consentplatform.application.port.in.ImportConsents;
import org.consentplatform.domain.load.ImportJob;
import org.consentplatform.domain.load.RowError;
import org.consentplatform.domain.shared.DomainRejection;
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
@RequestMapping(path = "/api/v1/tenants/{tenantId}/imports", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Imports")
class ImportController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ImportConsents imports;
    private final ImportMapper mapper;

    ImportController(ImportConsents imports, ImportMapper mapper) {
        this.imports = imports;
        this.mapper = mapper;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Load a CSV or NDJSON file (part 'file') as the job says (part 'job', JSON); answered 202 with the job to follow")
    ResponseEntity<ImportJson.ImportJob> submit(@PathVariable String tenantId, @RequestPart("job") ImportJson.ImportRequest request,
                                         @RequestPart("file") MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw DomainRejection.InvalidInput.of("file", "is empty");
        }
        ImportJob job = imports.submit(new TenantId(tenantId), mapper.toSpec(request), ImportJob.fileNameOf(file.getOriginalFilename()),
                file.getInputStream());
        return ResponseEntity.accepted().location(URI.create("/api/v1/tenants/" + tenantId + "/imports/" + job.id()))
                .body(toApi(job));
    }

    @GetMapping("/{jobId}")
    @Operation(summary = "A load's state, counts, pace and time left")
    ImportJson.ImportJob job(@PathVariable String tenantId, @PathVariable String jobId) {
        return toApi(imports.job(new TenantId(tenantId), jobId));
    }

    @PostMapping("/{jobId}/cancel")
    @Operation(summary = "Stop a load at its next batch; rows loaded so far stay loaded")
    ImportJson.ImportJob cancel(@PathVariable String tenantId, @PathVariable String jobId) {
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

    private ImportJson.ImportJob toApi(ImportJob job) {
        return mapper.toApi(job, imports.now());
    }
}
