package org.consentplatform.adapter.in.rest.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.consentplatform.adapter.in.rest.shared.NdJson;
import org.consentplatform.adapter.in.rest.shared.VersionMismatch;
import org.consentplatform.application.port.in.ManageProfiles;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/** Compliance profiles, revised with optimistic concurrency: ETag on read, If-Match on write. */
@RestController
@RequestMapping(path = "/api/v1/tenants/{tenantId}/profiles", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Compliance profiles")
class ProfileController {

    private final ManageProfiles profiles;
    private final ProfileMapper mapper;
    private final JsonMapper json;

    ProfileController(ManageProfiles profiles, ProfileMapper mapper, JsonMapper json) {
        this.json = json;
        this.profiles = profiles;
        this.mapper = mapper;
    }

    @PostMapping
    @Operation(summary = "Create a profile; missing purpose types and the default consents are added")
    ResponseEntity<ProfileJson.Profile> create(@PathVariable String tenantId, @RequestBody ProfileJson.NewProfile request) {
        TechnicalId id = TechnicalId.parse("id", request.id());
        ComplianceProfile created = profiles.create(new TenantId(tenantId), id,
                mapper.toDomain(request));
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + tenantId + "/profiles/" + id))
                .eTag(VersionMismatch.etag(created.version()))
                .body(mapper.toApi(created));
    }

    @GetMapping
    @Operation(summary = "List the tenant's profiles")
    ProfileJson.ProfileList list(@PathVariable String tenantId) {
        return new ProfileJson.ProfileList(profiles.list(new TenantId(tenantId)).stream().map(mapper::toApi).toList());
    }

    @GetMapping("/{profileId}")
    @Operation(summary = "Read a profile; its ETag is the version to send back in If-Match")
    ResponseEntity<ProfileJson.Profile> get(@PathVariable String tenantId, @PathVariable String profileId) {
        ComplianceProfile profile = profiles.get(new TenantId(tenantId), TechnicalId.parse("profileId", profileId));
        return ResponseEntity.ok().eTag(VersionMismatch.etag(profile.version())).body(mapper.toApi(profile));
    }

    @PutMapping("/{profileId}")
    @Operation(summary = "Replace a profile's definition; If-Match must carry the ETag read (412 if changed since, 428 if missing)")
    ResponseEntity<ProfileJson.Profile> revise(@PathVariable String tenantId, @PathVariable String profileId,
                                       @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                       @RequestBody ProfileJson.ProfileRevision request) {
        long expected = VersionMismatch.versionOf(ifMatch);
        ComplianceProfile revised;
        try {
            revised = profiles.revise(new TenantId(tenantId), TechnicalId.parse("profileId", profileId),
                    mapper.toDomain(request), expected);
        } catch (DomainRejection.ConcurrentChange e) {
            throw VersionMismatch.stale(e.getMessage());
        }
        return ResponseEntity.ok().eTag(VersionMismatch.etag(revised.version())).body(mapper.toApi(revised));
    }

    @PostMapping("/{profileId}/dry-run")
    @Operation(summary = "What changing a purpose's model on a channel would do, changing nothing: records that would flip "
            + "from send to block and back, with a sample, and what happens to contact points without a record")
    ProfileJson.DryRun dryRun(@PathVariable String tenantId, @PathVariable String profileId, @RequestBody ProfileJson.DryRunRequest request) {
        return mapper.toApi(profiles.dryRun(new TenantId(tenantId), TechnicalId.parse("profileId", profileId),
                mapper.toCommand(request)));
    }

    @PostMapping("/{profileId}/notices/{noticeId}/dry-run")
    @Operation(summary = "What publishing this version of a notice would do, changing nothing: how many contact points would stop "
            + "being sendable when it takes effect, with a sample")
    ProfileJson.NoticeDryRun dryRunNotice(@PathVariable String tenantId, @PathVariable String profileId, @PathVariable String noticeId,
                                          @RequestBody ProfileJson.NoticeVersion candidate) {
        return mapper.toApi(profiles.dryRunNotice(new TenantId(tenantId), TechnicalId.parse("profileId", profileId),
                TechnicalId.parse("noticeId", noticeId), mapper.toDomain(candidate)));
    }

    @GetMapping(path = "/{profileId}/notices/{noticeId}/reconsent", produces = NdJson.MEDIA_TYPE)
    @Operation(summary = "Who must be asked again: every opt-in that counts as absent because a material version of the notice "
            + "superseded the one it was given under, as NDJSON, streamed",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = NdJson.MEDIA_TYPE,
                    schema = @Schema(implementation = ProfileJson.Reconsent.class))))
    void reconsent(@PathVariable String tenantId, @PathVariable String profileId, @PathVariable String noticeId,
                   @Parameter(hidden = true) HttpServletResponse response) throws IOException {
        TenantId tenant = new TenantId(tenantId);
        TechnicalId profile = TechnicalId.parse("profileId", profileId);
        TechnicalId notice = TechnicalId.parse("noticeId", noticeId);
        profiles.get(tenant, profile).requireNotice(notice); // a 404 before the stream starts
        NdJson.write(response, json, line -> profiles.reconsent(tenant, profile, notice, reconsent -> line.accept(mapper.toApi(reconsent))));
    }
}
