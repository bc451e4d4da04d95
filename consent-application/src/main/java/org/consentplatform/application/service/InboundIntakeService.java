package org.consentplatform.application.service;

import org.consentplatform.application.port.in.InboundIntake;
import org.consentplatform.application.port.out.IntakeSecrets;
import org.consentplatform.domain.inbound.IntakeSignature;
import org.consentplatform.domain.tenant.TenantId;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;

/**
 * Signing secrets are 256 random bits, written {@code cpis_<base64url>} so that a leaked one is
 * recognisable in a scan; the provider keys its HMAC with that string. A rotation keeps the
 * secret it replaces for {@link #PREVIOUS_HONOURED}, long enough to reconfigure the provider.
 * A tenant without a secret is refused like a wrong signature, so the gate says nothing of
 * which tenants exist.
 */
public final class InboundIntakeService implements InboundIntake {

    static final Duration PREVIOUS_HONOURED = Duration.ofDays(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final IntakeSecrets secrets;
    private final Clock clock;

    public InboundIntakeService(IntakeSecrets secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public SigningSecret rotateSigningSecret(TenantId tenant) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = "cpis_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        var replaced = secrets.find(tenant);
        Instant previousUntil = replaced.isPresent() ? now.plus(PREVIOUS_HONOURED) : null;
        secrets.save(tenant, new IntakeSecrets.Secrets(secret, now, replaced.map(IntakeSecrets.Secrets::current).orElse(null),
                previousUntil));
        return new SigningSecret(secret, now, previousUntil);
    }

    @Override
    public void authenticate(TenantId tenant, String signature, byte[] body) {
        IntakeSignature parsed = IntakeSignature.parse(signature);
        Instant now = clock.instant();
        var inForce = new ArrayList<String>();
        secrets.find(tenant).ifPresent(stored -> {
            inForce.add(stored.current());
            if (stored.previous() != null && now.isBefore(stored.previousUntil())) {
                inForce.add(stored.previous());
            }
        });
        switch (parsed.verify(body, inForce, now)) {
            case VALID -> {
            }
            case OUTSIDE_WINDOW -> throw new Refused(IntakeSignature.Verdict.OUTSIDE_WINDOW,
                    "the signature's time is more than " + IntakeSignature.WINDOW.toMinutes() + " minutes from ours: sign each request when sending it");
            case BAD_SIGNATURE -> throw new Refused(IntakeSignature.Verdict.BAD_SIGNATURE,
                    "the signature does not match this body under the tenant's signing secret");
        }
    }
}
