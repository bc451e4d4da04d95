package org.consentplatform.adapter.in.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.consentplatform.application.port.in.ManageTenants;
import org.consentplatform.domain.tenant.TenantId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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
}
