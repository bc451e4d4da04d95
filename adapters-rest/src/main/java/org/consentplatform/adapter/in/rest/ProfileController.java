package org.consentplatform.adapter.in.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.consentplatform.application.port.in.ManageProfiles;
import org.consentplatform.domain.enforcement.ModelChangeImpact;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InvalidInputs;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Compliance profiles, revised with optimistic concurrency: ETag on read, If-Match on write. */
@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/profiles")
@Tag(name = "Compliance profiles")
class ProfileController {

    private final ManageProfiles profiles;
    private final RestMapper mapper;

    ProfileController(ManageProfiles profiles, RestMapper mapper) {
        this.profiles = profiles;
        this.mapper = mapper;
    }

    @PostMapping
    @Operation(summary = "Create a profile; missing purpose types and the default consents are added")
    ResponseEntity<Api.Profile> create(@PathVariable String tenantId, @RequestBody Api.NewProfile request) {
        TechnicalId id = TechnicalId.parse("id", request.id());
        ComplianceProfile created = profiles.create(new TenantId(tenantId), id,
                mapper.toDomain(request.name(), request.companyAddress(), request.purposes(), request.defaultConsents(), request.doubleOptIn(),
                        request.branding()));
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + tenantId + "/profiles/" + id))
                .eTag(VersionMismatch.etag(created.version()))
                .body(mapper.toApi(created));
    }

    @GetMapping
    @Operation(summary = "List the tenant's profiles")
    Api.ProfileList list(@PathVariable String tenantId) {
        return new Api.ProfileList(profiles.list(new TenantId(tenantId)).stream().map(mapper::toApi).toList());
    }

    @GetMapping("/{profileId}")
    @Operation(summary = "Read a profile; its ETag is the version to send back in If-Match")
    ResponseEntity<Api.Profile> get(@PathVariable String tenantId, @PathVariable String profileId) {
        ComplianceProfile profile = profiles.get(new TenantId(tenantId), TechnicalId.parse("profileId", profileId));
        return ResponseEntity.ok().eTag(VersionMismatch.etag(profile.version())).body(mapper.toApi(profile));
    }

    @PutMapping("/{profileId}")
    @Operation(summary = "Replace a profile's definition; If-Match must carry the ETag read (412 if changed since, 428 if missing)")
    ResponseEntity<Api.Profile> revise(@PathVariable String tenantId, @PathVariable String profileId,
                                       @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                       @RequestBody Api.ProfileRevision request) {
        long expected = VersionMismatch.versionOf(ifMatch);
        InvalidInputs.requireNonNull("purposes", request.purposes());
        ComplianceProfile revised;
        try {
            revised = profiles.revise(new TenantId(tenantId), TechnicalId.parse("profileId", profileId),
                    mapper.toDomain(request.name(), request.companyAddress(), request.purposes(), request.defaultConsents(), request.doubleOptIn(),
                        request.branding()),
                    expected);
        } catch (DomainRejection.ConcurrentChange e) {
            throw VersionMismatch.stale(e.getMessage());
        }
        return ResponseEntity.ok().eTag(VersionMismatch.etag(revised.version())).body(mapper.toApi(revised));
    }

    @PostMapping("/{profileId}/dry-run")
    @Operation(summary = "What changing a purpose's model on a channel would do, changing nothing: records that would flip "
            + "from send to block and back, with a sample, and what happens to contact points without a record")
    Api.DryRun dryRun(@PathVariable String tenantId, @PathVariable String profileId, @RequestBody Api.DryRunRequest request) {
        ModelChangeImpact impact = profiles.dryRun(new TenantId(tenantId), TechnicalId.parse("profileId", profileId),
                request.purposeId(), request.channel(), request.model());
        return new Api.DryRun(impact.purposeId().value(), impact.channel().toString(), impact.from(), impact.to(), impact.evaluated(),
                impact.sendToBlock(), impact.blockToSend(), impact.evaluated() - impact.sendToBlock() - impact.blockToSend(),
                new Api.DryRunVerdicts(impact.sendsWithoutRecordBefore(), impact.sendsWithoutRecordAfter()),
                impact.sample().stream().map(flip -> new Api.DryRunFlip(flip.record().contactPoint().channel().toString(),
                        flip.record().contactPoint().address(), flip.record().topicId() == null ? null : flip.record().topicId().value(),
                        flip.sendsBefore(), flip.sendsAfter())).toList());
    }
}
