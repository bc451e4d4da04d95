package org.consentplatform.adapter.in.rest.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.consentplatform.application.port.KeyringStatus;
import org.consentplatform.application.port.in.InboundIntake;
import org.consentplatform.application.port.in.ManageKeys;
import org.consentplatform.domain.tenant.TenantId;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * The tenant's key-encryption key, for administrators (consent:admin), never with key material;
 * and the signing secret of its HTTP intake, shown once when made.
 */
@RestController
@RequestMapping(path = "/api/v1/tenants/{tenantId}/keys", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Privacy")
class KeyController {

    @Schema(description = "The tenant's key-encryption key (KEK), which wraps every person's data key: the key that wraps new "
            + "ones, how many keys the keyset holds (every earlier one still unwraps what it wrapped), how many rotations so far "
            + "and the last one's time. Never any key material.")
    public record Keyring(long primaryKeyId, int keys, long rotations, Instant rotatedAt) {
    }

    @Schema(description = "A new signing secret for the HTTP intake of inbound events, shown this once: the provider keys its "
            + "HMAC-SHA256 with this string (header Consent-Signature: t=<unix seconds>,v1=<hex HMAC of t.body>). The secret it "
            + "replaces still signs until previousHonouredUntil.")
    public record IntakeSecret(String secret, Instant createdAt, Instant previousHonouredUntil) {
    }

    private final ManageKeys keys;
    private final InboundIntake intake;

    KeyController(ManageKeys keys, InboundIntake intake) {
        this.keys = keys;
        this.intake = intake;
    }

    @GetMapping
    @Operation(summary = "The tenant's key-encryption key, described")
    Keyring get(@PathVariable String tenantId) {
        return json(keys.keys(new TenantId(tenantId)));
    }

    @PostMapping("/rotation")
    @Operation(summary = "Rotate the tenant's key-encryption key: a new key wraps every data key made from now on, the older keys "
            + "keep unwrapping theirs. No downtime, nothing rewritten, the history untouched; other instances pick the new key up "
            + "the first time they meet a data key it wrapped")
    Keyring rotate(@PathVariable String tenantId) {
        return json(keys.rotate(new TenantId(tenantId)));
    }

    @PostMapping("/intake-secret")
    @Operation(summary = "A new signing secret for the HTTP intake of inbound events (shown once); the one it replaces signs for a day more")
    IntakeSecret rotateIntakeSecret(@PathVariable String tenantId) {
        var secret = intake.rotateSigningSecret(new TenantId(tenantId));
        return new IntakeSecret(secret.secret(), secret.createdAt(), secret.previousHonouredUntil());
    }

    private static Keyring json(KeyringStatus status) {
        return new Keyring(status.primaryKeyId(), status.keys(), status.rotations(), status.rotatedAt());
    }
}
