package org.consentplatform.adapter.in.rest.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.consentplatform.application.port.in.SubjectRequests;
import jakarta.servlet.http.HttpServletRequest;
import org.consentplatform.domain.privacy.SubjectAccess;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.tenant.TenantId;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Requests of data subjects, answered for the data protection officer (consent:privacy); erasures listed for auditors too. */
@RestController
@Tag(name = "Privacy")
class SubjectRequestController {

    private static final MediaType PDF = MediaType.parseMediaType(SubjectAccessPdf.MEDIA_TYPE);
    private static final MediaType JSON_LD = MediaType.parseMediaType(SubjectAccessJson.MEDIA_TYPE);

    /** As many erasure requests as one answer lists. */
    private static final int MAX_ERASURES = 1000;

    private final SubjectRequests requests;
    private final SubjectAccessMapper mapper;
    private final ErasureMapper erasures;
    private final SubjectAccessPdf pdf;

    SubjectRequestController(SubjectRequests requests, SubjectAccessMapper mapper, ErasureMapper erasures, SubjectAccessPdf pdf) {
        this.requests = requests;
        this.mapper = mapper;
        this.erasures = erasures;
        this.pdf = pdf;
    }

    @PostMapping(path = "/api/v1/tenants/{tenantId}/subject-requests/erasure", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Erases one person (GDPR Art. 17). Downstream systems are told first (an erasure event per contact point on "
            + "consent.erasures.v1; the broker down is a 503 and nothing is erased); then each contact point's data key is destroyed and "
            + "a suppression (its keyed hash, when, why) filed in its place; every record's consent is forgotten by an ERASURE entry of "
            + "its history, which still verifies; contacts, double opt-in requests, stored answers, mail quotas and load error lines "
            + "that name the person are deleted. From then on commercial and tracking purposes block with ERASED, loads are refused, "
            + "and only an opt-in the person gives again lifts the suppression. The answer names nobody")
    ResponseEntity<ErasureJson.ErasureRecord> erase(@PathVariable String tenantId, @RequestBody ErasureJson.ErasureRequest request,
                                                    Authentication caller, HttpServletRequest http) {
        var erased = requests.erase(new TenantId(tenantId), erasures.toCommand(request, ConsentController.callerOf(caller, http).actor()));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(erasures.toApi(erased));
    }

    @GetMapping(path = "/api/v1/tenants/{tenantId}/subject-requests/erasures", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The tenant's erasure requests, newest first: who asked, when, on which ground, what was destroyed and which "
            + "suppressions the person lifted since; never what was erased")
    ErasureJson.ErasureList erasures(@PathVariable String tenantId, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_ERASURES) {
            throw DomainRejection.InvalidInput.of("limit", "must be between 1 and " + MAX_ERASURES);
        }
        return new ErasureJson.ErasureList(requests.erasures(new TenantId(tenantId), limit).stream().map(erasures::toApi).toList());
    }

    @PostMapping(path = "/api/v1/tenants/{tenantId}/subject-requests/access",
            produces = {SubjectAccessJson.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE, SubjectAccessPdf.MEDIA_TYPE})
    @Operation(summary = "Everything held about one person (GDPR Art. 15): contact points, records with their whole history and "
            + "evidence, double opt-in requests and a signed receipt of each consent that stands. JSON-LD (ISO/IEC TS 27560 records "
            + "in the W3C DPV vocabulary) by default; Accept: application/pdf for a readable document in the person's language",
            responses = @ApiResponse(responseCode = "200", content = {
                    @Content(mediaType = SubjectAccessJson.MEDIA_TYPE, schema = @Schema(implementation = SubjectAccessJson.AccessBundle.class)),
                    @Content(mediaType = SubjectAccessPdf.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary"))}))
    ResponseEntity<?> access(@PathVariable String tenantId, @RequestBody SubjectAccessJson.AccessRequest request,
                             @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        SubjectAccess access = requests.access(new TenantId(tenantId), mapper.toQuery(request), request.language());
        var answer = ResponseEntity.ok().cacheControl(CacheControl.noStore());
        if (prefersPdf(accept)) {
            return answer.contentType(PDF).header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename("subject-access-" + access.id() + ".pdf").build().toString()).body(pdf.render(access));
        }
        return answer.contentType(JSON_LD).body(mapper.toJsonLd(access));
    }

    /** The PDF only when the caller names it and ranks it above every JSON type it accepts. */
    static boolean prefersPdf(String accept) {
        if (accept == null) {
            return false;
        }
        List<MediaType> accepted = MediaType.parseMediaTypes(accept);
        MimeTypeUtils.sortBySpecificity(accepted); // a MediaType ranks by its quality first
        for (MediaType type : accepted) {
            if (type.includes(PDF) && !type.isWildcardType() && !type.isWildcardSubtype()) {
                return true;
            }
            if (type.includes(JSON_LD) || type.includes(MediaType.APPLICATION_JSON)) {
                return false;
            }
        }
        return false;
    }
}
