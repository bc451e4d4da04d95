package org.consentplatform.application.service;

import org.consentplatform.application.port.in.RecordInboundEvents;
import org.consentplatform.application.port.out.ComplianceProfiles;
import org.consentplatform.application.port.out.ConsentRecords;
import org.consentplatform.application.port.out.IdempotencyRecords;
import org.consentplatform.application.port.out.Tenants;
import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.inbound.InboundEvent;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Clock;
import java.util.List;

/**
 * Inbound events become opt-outs, once per event id: the id is claimed before the opt-outs are
 * written and marked done after. An event whose earlier attempt died half-way is applied again;
 * its opt-outs carry the same capture time, so the records end in the same state.
 */
public final class InboundEventService implements RecordInboundEvents {

    private final ComplianceProfiles profiles;
    private final Tenants tenants;
    private final IdempotencyRecords applied;
    private final ChangeRecorder recorder;
    private final Clock clock;

    public InboundEventService(ConsentRecords records, Tenants tenants, ComplianceProfiles profiles,
                               IdempotencyRecords applied, Clock clock) {
        this.profiles = profiles;
        this.tenants = tenants;
        this.applied = applied;
        this.recorder = new ChangeRecorder(records, clock);
        this.clock = clock;
    }

    @Override
    public Outcome record(InboundCommand command) {
        TenantId tenant = command.tenant();
        List<ComplianceProfile> tenantProfiles = profiles.all(tenant);
        if (tenantProfiles.isEmpty()) {
            throw new DomainRejection.NotFound("tenant '" + tenant + "' has no compliance profile: unknown tenant");
        }
        InboundEvent event = new InboundEvent(command.id(), tenant, command.kind(),
                tenants.inForce(tenant).contactPoint(command.contactPoint()),
                command.profileId(), command.purposeId(), command.topicId(), command.occurredAt(), command.provider());
        List<ConsentCapture> optOuts = event.optOuts(tenantProfiles).stream()
                .map(capture -> capture.notAfter(clock.instant())).toList();

        String key = "inbound-event:" + event.id();
        if (!applied.claim(tenant, key, event.id(), clock.instant())
                && applied.find(tenant, key).map(entry -> entry.response() != null).orElse(false)) {
            return new Outcome(true, 0);
        }
        optOuts.forEach(capture -> recorder.record(tenant, capture, false));
        applied.complete(tenant, key, "opt-outs:" + optOuts.size(), List.of()); // names nobody: an event id
        return new Outcome(false, optOuts.size());
    }
}
