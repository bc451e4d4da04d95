package org.consentplatform.application.service;

import org.consentplatform.application.port.in.RecordInboundEvents;
import org.consentplatform.application.port.out.ComplianceProfiles;
import org.consentplatform.application.port.out.ConsentRecords;
import org.consentplatform.application.port.out.EventPublisher;
import org.consentplatform.application.port.out.IdempotencyRecords;
import org.consentplatform.application.port.out.Tenants;
import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.RawContactPoint;
import org.consentplatform.domain.inbound.InboundEvent;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.sms.SmsReceived;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Inbound events become opt-outs, once per event id: the id is claimed before the opt-outs are
 * written and marked done after. An event whose earlier attempt died half-way is applied again;
 * its opt-outs carry the same capture time, so the records end in the same state.
 */
public final class InboundEventService implements RecordInboundEvents {

    private static final String KEY = "inbound-event:";

    private final ConsentRecords records;
    private final ComplianceProfiles profiles;
    private final Tenants tenants;
    private final EventPublisher replies;
    private final IdempotencyRecords applied;
    private final ChangeRecorder recorder;
    private final Clock clock;

    public InboundEventService(ConsentRecords records, Tenants tenants, ComplianceProfiles profiles,
                               IdempotencyRecords applied, EventPublisher replies, Clock clock) {
        this.records = records;
        this.replies = replies;
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
                command.profileId(), command.purposeId(), command.topicId(), occurredAt(command.occurredAt()), command.provider());
        List<ConsentCapture> optOuts = event.optOuts(tenantProfiles).stream()
                .map(capture -> capture.notAfter(clock.instant())).toList();

        if (alreadyApplied(tenant, event.id())) {
            return new Outcome(true, 0);
        }
        optOuts.forEach(capture -> recorder.record(tenant, capture, false));
        applied.complete(tenant, KEY + event.id(), "opt-outs:" + optOuts.size(), List.of()); // names nobody: an event id
        return new Outcome(false, optOuts.size());
    }

    /**
     * A text to a tenant number: read against the profile the number is bound to, its changes
     * written, its reply acknowledged by the broker, then the id marked applied. A retry after a
     * failure reads the records again: a STOP already written is not written twice, and the
     * reply goes out again under the same id.
     */
    @Override
    public SmsOutcome record(SmsCommand command) {
        TenantId tenant = command.tenant();
        var settings = tenants.inForce(tenant);
        var text = new SmsReceived(command.id(), tenant, settings.contactPoint(new RawContactPoint(Channel.SMS, command.from())),
                command.to(), command.text(), occurredAt(command.occurredAt()), command.provider());
        ComplianceProfile profile = text.boundProfile(profiles.all(tenant));
        if (alreadyApplied(tenant, text.id())) {
            return new SmsOutcome(true, null, 0);
        }
        Instant now = clock.instant();
        var effect = text.effect(profile, records.current(tenant, text.records(profile)).states());
        effect.changes().forEach(change -> recorder.record(tenant, change.notAfter(now), false));
        if (effect.reply() != null) {
            replies.reply(effect.reply());
        }
        applied.complete(tenant, KEY + text.id(), "sms:" + effect.keyword() + ":" + effect.changes().size(), List.of());
        return new SmsOutcome(false, effect.keyword(), effect.changes().size());
    }

    /** CloudEvents' {@code time} is optional: an event without it happened when the platform received it. */
    private Instant occurredAt(Instant reported) {
        return reported == null ? clock.instant() : reported;
    }

    /** Claims the event id; true when an earlier attempt already applied it to the end. */
    private boolean alreadyApplied(TenantId tenant, String eventId) {
        String key = KEY + eventId;
        return !applied.claim(tenant, key, eventId, clock.instant())
                && applied.find(tenant, key).map(entry -> entry.response() != null).orElse(false);
    }
}
