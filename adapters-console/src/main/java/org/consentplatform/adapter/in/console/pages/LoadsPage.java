package org.consentplatform.adapter.in.console.pages;

import jakarta.servlet.http.HttpServletResponse;
import org.consentplatform.application.port.in.ImportConsents;
import org.consentplatform.domain.load.ImportJob;
import org.consentplatform.domain.load.ImportShape;
import org.consentplatform.domain.load.ImportSpec;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InputCheck;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads for marketers: upload a file with its mapping, follow a job's progress live (rows read of
 * the total, rows per second, time left; the bar updates without reloading), cancel it, and
 * download the rows it rejected.
 */
@Controller
class LoadsPage {

    private final ImportConsents imports;

    LoadsPage(ImportConsents imports) {
        this.imports = imports;
    }

    @GetMapping("/console/t/{tenantId}/loads")
    String loads(@PathVariable String tenantId, Model model) {
        model.addAttribute("tenant", tenantId).addAttribute("jobs", imports.latest(new TenantId(tenantId)))
                .addAttribute("now", imports.now()).addAttribute("shapes", ImportShape.values())
                .addAttribute("formats", ImportSpec.Format.values());
        return "console/loads";
    }

    @PostMapping("/console/t/{tenantId}/loads")
    String submit(@PathVariable String tenantId, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(required = false) String shape, @RequestParam(required = false) String format,
                  @RequestParam(required = false) String profile, @RequestParam(required = false) String lists,
                  @RequestParam(required = false) String capturedAt) throws IOException {
        ImportSpec spec = spec(shape, format, profile, lists, capturedAt);
        if (file == null || file.isEmpty()) {
            throw DomainRejection.InvalidInput.of("file", "choose a file that is not empty");
        }
        try (InputStream content = file.getInputStream()) {
            ImportJob job = imports.submit(new TenantId(tenantId), spec, ImportJob.fileNameOf(file.getOriginalFilename()), content);
            return "redirect:/console/t/" + tenantId + "/loads/" + job.id();
        }
    }

    @GetMapping("/console/t/{tenantId}/loads/{jobId}")
    String job(@PathVariable String tenantId, @PathVariable String jobId, Model model) {
        model.addAttribute("tenant", tenantId).addAttribute("job", imports.job(new TenantId(tenantId), jobId)).addAttribute("now", imports.now());
        return "console/load";
    }

    /** The progress part alone, which the job page asks for every second until the job ends. */
    @GetMapping("/console/t/{tenantId}/loads/{jobId}/progress")
    String progress(@PathVariable String tenantId, @PathVariable String jobId, Model model) {
        job(tenantId, jobId, model);
        return "console/load :: progress";
    }

    @PostMapping("/console/t/{tenantId}/loads/{jobId}/cancel")
    String cancel(@PathVariable String tenantId, @PathVariable String jobId) {
        imports.cancel(new TenantId(tenantId), jobId);
        return "redirect:/console/t/" + tenantId + "/loads/" + jobId;
    }

    @GetMapping("/console/t/{tenantId}/loads/{jobId}/errors.csv")
    void errors(@PathVariable String tenantId, @PathVariable String jobId, HttpServletResponse response) throws IOException {
        TenantId tenant = new TenantId(tenantId);
        imports.job(tenant, jobId); // 404 before any byte is written
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"load-" + jobId + "-errors.csv\"");
        PrintWriter out = response.getWriter();
        out.print("line,field,reason\r\n");
        imports.errors(tenant, jobId, error -> out.print(error.line() + "," + ReportsPage.Csv.cell(error.field() == null ? "" : error.field())
                + "," + ReportsPage.Csv.cell(error.reason()) + "\r\n"));
        out.flush();
    }

    /** The form's mapping: lists are one per line, {@code list name = purpose/topic}. */
    private static ImportSpec spec(String shape, String format, String profile, String lists, String capturedAt) {
        var input = new InputCheck();
        ImportShape shapeValue = input.required("shape", FormValues.named(input, "shape", ImportShape.class, shape));
        ImportSpec.Format formatValue = input.required("format", FormValues.named(input, "format", ImportSpec.Format.class, format));
        TechnicalId profileId = input.optionalId("profile", profile == null || profile.isBlank() ? null : profile.strip());
        var mapping = new LinkedHashMap<String, ImportSpec.ListTopic>();
        if (lists != null) {
            lists.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(line -> list(input, line, mapping));
        }
        Instant legacyTime = FormValues.utc(input, "capturedAt", capturedAt);
        input.verify();
        return new ImportSpec(shapeValue, formatValue, profileId, mapping, legacyTime);
    }

    private static void list(InputCheck input, String line, Map<String, ImportSpec.ListTopic> mapping) {
        int equals = line.lastIndexOf('=');
        int slash = line.lastIndexOf('/');
        if (equals <= 0 || slash < equals) {
            input.refuse("lists", "write each line as: list name = purpose/topic (" + line + ")");
            return;
        }
        String name = line.substring(0, equals).strip();
        TechnicalId purpose = input.id("lists." + name + ".purpose", line.substring(equals + 1, slash).strip());
        TechnicalId topic = input.id("lists." + name + ".topic", line.substring(slash + 1).strip());
        if (purpose != null && topic != null) {
            mapping.put(name, new ImportSpec.ListTopic(purpose, topic));
        }
    }
}
