package org.consentplatform.adapter.in.rest.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.consentplatform.adapter.in.rest.shared.CorrelationIdFilter;
import org.consentplatform.adapter.in.rest.shared.PrivacySignals;
import org.consentplatform.application.port.in.CaptureConsent;
import org.consentplatform.application.port.in.ReadConsents;
import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.tenant.TenantId;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Capture and read of consents. Contact points travel in request bodies, never in URLs, so
 * addresses do not end up in access logs.
 */
@RestController
@RequestMapping(path = "/api/v1/tenants/{tenantId}/consents", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Consents")
class ConsentController {

    private final CaptureConsent capture;
    private final ReadConsents read;
    private final ConsentMapper mapper;

    ConsentController(CaptureConsent capture, ReadConsents read, ConsentMapper mapper) {
        this.capture = capture;
        this.read = read;
        this.mapper = mapper;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Capture one consent decision; an older one than the record's is kept as SUPERSEDED")
    ConsentJson.Change capture(@PathVariable String tenantId, @RequestBody ConsentJson.Capture request, Authentication caller,
                       HttpServletRequest http) {
        CaptureConsent.CaptureCommand command = mapper.toCommand(request);
        // a web form's backend passes on its visitor's Global Privacy Control (§14)
        if (PrivacySignals.globalPrivacyControl(http)) {
            command = command.withGlobalPrivacyControl();
        }
        return mapper.toApi(capture.capture(new TenantId(tenantId), command, callerOf(caller, http)));
    }

    @PostMapping("/batch")
    @Operation(summary = "Capture up to 1000 consent decisions; all are checked before any is recorded")
    ConsentJson.ChangeList captureBatch(@PathVariable String tenantId, @RequestBody ConsentJson.CaptureBatch request, Authentication caller,
                                HttpServletRequest http) {
        if (request.items() == null || request.items().stream().anyMatch(java.util.Objects::isNull)) {
            throw DomainRejection.InvalidInput.of("items", "must be a list of captures");
        }
        List<CaptureConsent.CaptureCommand> commands = mapper.toCommands(request.items());
        return new ConsentJson.ChangeList(capture.captureAll(new TenantId(tenantId), commands, callerOf(caller, http)).stream()
                .map(mapper::toApi).toList());
    }

    @PostMapping("/engagement")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report a person's engagement under a valid opt-in; where the purpose renews on engagement, the opt-in's "
            + "lifetime restarts at engagedAt (422 otherwise)")
    ConsentJson.Change engagement(@PathVariable String tenantId, @RequestBody ConsentJson.Engagement request, Authentication caller,
                          HttpServletRequest http) {
        return mapper.toApi(capture.renew(new TenantId(tenantId), mapper.toCommand(request), callerOf(caller, http)));
    }

    @PostMapping("/lookup")
    @Operation(summary = "The current consents of one contact point, optionally in one profile")
    ConsentJson.ConsentRecordList lookup(@PathVariable String tenantId, @RequestBody ConsentJson.ContactPointQuery query) {
        ConsentMapper.ReadConsentsQuery parsed = mapper.toQuery(query);
        return new ConsentJson.ConsentRecordList(read.ofContactPoint(new TenantId(tenantId), parsed.contactPoint(),
                parsed.profileId()).stream().map(mapper::toApi).toList());
    }

    /** The token's subject, and the client it acted through: a Keycloak service account's subject is an opaque id. */
    static CaptureConsent.Caller callerOf(Authentication caller, HttpServletRequest http) {
        String client = null;
        if (caller instanceof JwtAuthenticationToken token) {
            client = Stream.of("azp", "client_id", "cid").map(token.getToken()::getClaimAsString) // Keycloak, RFC 9068, Okta
                    .filter(Objects::nonNull).findFirst().orElse(null);
        }
        return new CaptureConsent.Caller(new Actor(caller.getName(), client), CorrelationIdFilter.of(http));
    }
}
