package org.consentplatform.adapter.in.rest.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.consentplatform.application.port.in.SubjectRequests;
import org.consentplatform.domain.privacy.SubjectAccess;
import org.consentplatform.domain.tenant.TenantId;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Requests of data subjects, answered for the data protection officer (consent:privacy). */
@RestController
@Tag(name = "Privacy")
class SubjectRequestController {

    private static final MediaType PDF = MediaType.parseMediaType(SubjectAccessPdf.MEDIA_TYPE);
    private static final MediaType JSON_LD = MediaType.parseMediaType(SubjectAccessJson.MEDIA_TYPE);

    private final SubjectRequests requests;
    private final SubjectAccessMapper mapper;
    private final SubjectAccessPdf pdf;

    SubjectRequestController(SubjectRequests requests, SubjectAccessMapper mapper, SubjectAccessPdf pdf) {
        this.requests = requests;
        this.mapper = mapper;
        this.pdf = pdf;
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
