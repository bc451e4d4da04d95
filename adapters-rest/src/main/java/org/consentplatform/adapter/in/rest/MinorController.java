package org.consentplatform.adapter.in.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.consentplatform.application.port.in.ManageContacts;
import org.consentplatform.application.port.in.ManageTenants;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.shared.InvalidInputs;
import org.consentplatform.domain.tenant.TenantId;
import org.consentplatform.domain.tenant.TenantSettings;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Minors' contact points (§12); the contact point travels in the body, never in the URL. */
@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/contact-points/minor")
@Tag(name = "Contacts")
class MinorController {

    private final ManageContacts contacts;
    private final ManageTenants tenants;

    MinorController(ManageContacts contacts, ManageTenants tenants) {
        this.contacts = contacts;
        this.tenants = tenants;
    }

    @PutMapping
    @Operation(summary = "Flag a contact point as a minor's, or remove the flag: a minor's opt-ins count only when a parent or "
            + "guardian gave them (evidence.guardian)")
    Api.MinorFlag flag(@PathVariable String tenantId, @RequestBody Api.MinorFlagRequest request) {
        TenantId tenant = new TenantId(tenantId);
        boolean minor = InvalidInputs.requireNonNull("minor", request.minor());
        TenantSettings settings = tenants.settings(tenant);
        ContactPoint contactPoint = settings.contactPoint(request.channel(), request.address());
        return contacts.flagMinor(tenant, new ManageContacts.MinorCommand(request.channel(), request.address(), minor, request.birthDate()))
                .map(flag -> new Api.MinorFlag(contactPoint.channel().toString(), contactPoint.address(), true, flag.birthDate(),
                        flag.minorUntil(settings.ageOfDigitalConsent())))
                .orElseGet(() -> new Api.MinorFlag(contactPoint.channel().toString(), contactPoint.address(), false, null, null));
    }
}
