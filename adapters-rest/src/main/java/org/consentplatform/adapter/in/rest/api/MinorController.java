package org.consentplatform.adapter.in.rest.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.consentplatform.application.port.in.ManageContacts;
import org.consentplatform.domain.tenant.TenantId;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Minors' contact points (§12); the contact point travels in the body, never in the URL. */
@RestController
@RequestMapping(path = "/api/v1/tenants/{tenantId}/contact-points/minor", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Contacts")
class MinorController {

    private final ManageContacts contacts;
    private final ContactMapper mapper;

    MinorController(ManageContacts contacts, ContactMapper mapper) {
        this.contacts = contacts;
        this.mapper = mapper;
    }

    @PutMapping
    @Operation(summary = "Flag a contact point as a minor's, or remove the flag: a minor's opt-ins count only when a parent or "
            + "guardian gave them (evidence.guardian)")
    ContactJson.MinorFlag flag(@PathVariable String tenantId, @RequestBody ContactJson.MinorFlagRequest request) {
        return mapper.toApi(contacts.flagMinor(new TenantId(tenantId), mapper.toCommand(request)));
    }
}
