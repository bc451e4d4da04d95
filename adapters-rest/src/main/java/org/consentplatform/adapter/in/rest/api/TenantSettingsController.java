package org.consentplatform.adapter.in.rest.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.consentplatform.application.port.in.ManageTenants;
import org.consentplatform.domain.shared.InvalidInputs;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/tenants/{tenantId}/settings", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tenants")
class TenantSettingsController {

    private final ManageTenants tenants;
    private final TenantSettingsMapper mapper;

    TenantSettingsController(ManageTenants tenants, TenantSettingsMapper mapper) {
        this.tenants = tenants;
        this.mapper = mapper;
    }

    @GetMapping
    @Operation(summary = "Read the tenant's settings (defaults until set)")
    TenantSettingsJson.TenantSettings get(@PathVariable String tenantId) {
        return mapper.toApi(tenants.settings(new TenantId(tenantId)));
    }

    @PutMapping
    @Operation(summary = "Replace the tenant's settings: contact-level checks, email case, default phone region, custom channels")
    TenantSettingsJson.TenantSettings put(@PathVariable String tenantId, @RequestBody TenantSettingsJson.TenantSettings settings) {
        return mapper.toApi(tenants.configure(new TenantId(tenantId), mapper.toDomain(settings)));
    }

    @PostMapping("/dry-run")
    @Operation(summary = "What turning checkContactLevelConsent on or off would do to decisions, changing nothing: decisions that "
            + "would flip from send to block and back per profile and purpose, with a sample")
    TenantSettingsJson.ContactLevelDryRun dryRun(@PathVariable String tenantId, @RequestBody TenantSettingsJson.ContactLevelDryRunRequest request) {
        if (request.checkContactLevelConsent() == null) {
            throw InvalidInputs.required("checkContactLevelConsent");
        }
        return mapper.toApi(tenants.dryRunContactLevelConsent(new TenantId(tenantId), request.checkContactLevelConsent(),
                request.profileId() == null ? null : TechnicalId.parse("profileId", request.profileId())));
    }
}
