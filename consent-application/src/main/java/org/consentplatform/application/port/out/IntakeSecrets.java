package org.consentplatform.application.port.out;

import org.consentplatform.domain.tenant.TenantId;

import java.time.Instant;
import java.util.Optional;

/** Each tenant's HTTP intake signing secrets, kept encrypted under the tenant's key. */
public interface IntakeSecrets {

    /** @param previous the secret replaced last, honoured until {@code previousUntil}; null when there is none */
    record Secrets(String current, Instant createdAt, String previous, Instant previousUntil) {
    }

    Optional<Secrets> find(TenantId tenant);

    void save(TenantId tenant, Secrets secrets);
}
