package org.consentplatform.application.port.in;

import org.consentplatform.domain.inbound.IntakeSignature;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Instant;

/**
 * The HTTP intake's gate (for providers that cannot write to Kafka): each tenant has a signing
 * secret, and a request is let in only when signed with it within the window (see
 * {@link IntakeSignature}). What it carries is then applied by {@link RecordInboundEvents}.
 */
public interface InboundIntake {

    /**
     * A new signing secret, shown once.
     *
     * @param previousHonouredUntil until when the secret it replaces still signs, so the provider can move over; null for a first one
     */
    record SigningSecret(String secret, Instant createdAt, Instant previousHonouredUntil) {
    }

    /** Makes a new secret current; the one it replaces is honoured for a day more. */
    SigningSecret rotateSigningSecret(TenantId tenant);

    /**
     * @param signature the {@code Consent-Signature} header
     * @throws Refused when the request is not signed by the tenant, or not within the window
     * @throws org.consentplatform.domain.shared.DomainRejection.InvalidInput when the header is missing or malformed
     */
    void authenticate(TenantId tenant, String signature, byte[] body);

    /** A request the gate refused; nothing of it was read. */
    final class Refused extends RuntimeException {
        private final IntakeSignature.Verdict verdict;

        public Refused(IntakeSignature.Verdict verdict, String message) {
            super(message);
            this.verdict = verdict;
        }

        public IntakeSignature.Verdict verdict() {
            return verdict;
        }
    }
}
