package org.consentplatform.adapter.in.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.consentplatform.application.port.in.ManageTenants;
import org.consentplatform.domain.enforcement.ContactLevelSwitchImpact;
import org.consentplatform.domain.shared.InvalidInputs;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/settings")
@Tag(name = "Tenants")
class TenantSettingsController {

    private final ManageTenants tenants;
    private final RestMapper mapper;

    TenantSettingsController(ManageTenants tenants, RestMapper mapper) {
        this.tenants = tenants;
        this.mapper = mapper;
    }

    @GetMapping
    @Operation(summary = "Read the tenant's settings (defaults until set)")
    Api.TenantSettings get(@PathVariable String tenantId) {
        return mapper.toApi(tenants.settings(new TenantId(tenantId)));
    }

    @PutMapping
    @Operation(summary = "Replace the tenant's settings: contact-level checks, email case, default phone region, custom channels")
    Api.TenantSettings put(@PathVariable String tenantId, @RequestBody Api.TenantSettings settings) {
        return mapper.toApi(tenants.configure(new TenantId(tenantId), mapper.toDomain(settings)));
    }

    @PostMapping("/dry-run")
    @Operation(summary = "What turning checkContactLevelConsent on or off would do to decisions, changing nothing: decisions that "
            + "would flip from send to block and back per profile and purpose, with a sample")
    Api.ContactLevelDryRun dryRun(@PathVariable String tenantId, @RequestBody Api.ContactLevelDryRunRequest request) {
        if (request.checkContactLevelConsent() == null) {
            throw InvalidInputs.required("checkContactLevelConsent");
        }
        ContactLevelSwitchImpact impact = tenants.dryRunContactLevelConsent(new TenantId(tenantId), request.checkContactLevelConsent(),
                request.profileId() == null ? null : TechnicalId.parse("profileId", request.profileId()));
        return new Api.ContactLevelDryRun(impact.from(), impact.to(), impact.contacts(),
                impact.counts().entrySet().stream().map(line -> new Api.ContactLevelDryRunLine(line.getKey().profileId().value(),
                        line.getKey().purposeId().value(), line.getKey().aspect(), line.getValue().sendToBlock(),
                        line.getValue().blockToSend())).toList(),
                impact.sample().stream().map(flip -> new Api.ContactLevelDryRunFlip(flip.contactId().value(),
                        flip.contactPoint().address(), flip.line().profileId().value(), flip.line().purposeId().value(),
                        flip.line().aspect(), flip.permittedBefore(), !flip.permittedBefore())).toList());
    }
}
