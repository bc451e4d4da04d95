package org.consentplatform.adapter.in.rest.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.consentplatform.application.port.in.ManageContacts;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/tenants/{tenantId}/contacts/{contactId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Contacts")
class ContactController {

    private final ManageContacts contacts;
    private final ContactMapper mapper;

    ContactController(ManageContacts contacts, ContactMapper mapper) {
        this.contacts = contacts;
        this.mapper = mapper;
    }

    @PutMapping
    @Operation(summary = "Create or replace a contact, lead or profile with its contact points (normalised) and legacy flags")
    ContactJson.Contact upsert(@PathVariable String tenantId, @PathVariable String contactId, @RequestBody ContactJson.ContactUpsert contact) {
        return mapper.toApi(contacts.upsert(new TenantId(tenantId), mapper.toCommand(contactId, contact)));
    }

    @GetMapping
    @Operation(summary = "Read a contact")
    ContactJson.Contact get(@PathVariable String tenantId, @PathVariable String contactId) {
        return mapper.toApi(contacts.get(new TenantId(tenantId), TechnicalId.parse("contactId", contactId)));
    }
}
