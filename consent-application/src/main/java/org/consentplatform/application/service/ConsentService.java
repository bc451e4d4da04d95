package org.consentplatform.application.service;

import org.consentplatform.application.port.in.CaptureConsent;
import org.consentplatform.application.port.in.ReadConsents;
import org.consentplatform.application.port.out.ComplianceProfiles;
import org.consentplatform.application.port.out.ConsentRecords;
import org.consentplatform.application.port.out.Contacts;
import org.consentplatform.application.port.out.Erasures;
import org.consentplatform.application.port.out.Tenants;
import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentRecord;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.contactpoint.RawContactPoint;
import org.consentplatform.domain.preference.GlobalPrivacyControl;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.shared.Violation;
import org.consentplatform.domain.tenant.TenantId;
import org.consentplatform.domain.tenant.TenantSettings;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Capture and read of consent records. */
public final class ConsentService implements CaptureConsent, ReadConsents {

    private final ConsentRecords records;
    private final ConfirmingRecorder recorder;
    private final Lookups lookups;
    private final Clock clock;

    public ConsentService(ConsentRecords records, Contacts contacts, Tenants tenants, ComplianceProfiles profiles,
                          DoubleOptInService doubleOptIn, Erasures erasures, Clock clock) {
        this.records = records;
        this.lookups = new Lookups(tenants, profiles);
        this.recorder = new ConfirmingRecorder(records, contacts, doubleOptIn, erasures, clock);
        this.clock = clock;
    }

    @Override
    public ConsentChange capture(TenantId tenant, CaptureCommand command, Caller caller) {
        TenantSettings settings = lookups.settings(tenant);
        ConfirmingRecorder.Item capture = resolve(tenant, settings, new HashMap<>(), command, caller);
        ConsentChange captured = recorder.recordAll(tenant, settings, List.of(capture)).getFirst();
        if (command.globalPrivacyControl() && settings.honourGlobalPrivacyControl()) {
            // §14: the form's signal withdraws every partner purpose, the one just captured included
            recorder.recordAll(tenant, settings, withdrawals(tenant, settings, capture));
        }
        return captured;
    }

    private List<ConfirmingRecorder.Item> withdrawals(TenantId tenant, TenantSettings settings, ConfirmingRecorder.Item capture) {
        ConsentCapture made = capture.capture();
        var signal = new GlobalPrivacyControl(capture.profile(), made.key().contactPoint());
        if (signal.records().isEmpty()) {
            return List.of();
        }
        return signal.withdrawals(records.current(tenant, signal.records()).at(clock.instant(), settings), clock.instant(), made.source(),
                        made.actor(), made.evidence() == null ? Evidence.NONE : made.evidence(), made.correlationId()).stream()
                .map(withdrawal -> new ConfirmingRecorder.Item(capture.profile(), withdrawal, capture.locale()))
                .toList();
    }

    @Override
    public List<ConsentChange> captureAll(TenantId tenant, List<CaptureCommand> commands, Caller caller) {
        if (commands.isEmpty() || commands.size() > MAX_BATCH) {
            throw DomainRejection.InvalidInput.of("items", "must hold 1 to " + MAX_BATCH + " captures");
        }
        TenantSettings settings = lookups.settings(tenant);
        Map<TechnicalId, ComplianceProfile> profiles = new HashMap<>();
        var resolved = new ArrayList<ConfirmingRecorder.Item>(commands.size());
        var violations = new ArrayList<Violation>();
        for (int i = 0; i < commands.size(); i++) {
            try {
                resolved.add(resolve(tenant, settings, profiles, commands.get(i), caller));
            } catch (DomainRejection.InvalidInput e) {
                violations.addAll(e.prefixed("items[" + i + "]").violations());
            } catch (DomainRejection e) {
                violations.add(new Violation("items[" + i + "]", e.getMessage()));
            }
        }
        if (!violations.isEmpty()) {
            throw new DomainRejection.InvalidInput(violations);
        }
        return recorder.recordAll(tenant, settings, resolved);
    }

    @Override
    public ConsentChange renew(TenantId tenant, EngagementCommand command, Caller caller) {
        ComplianceProfile profile = lookups.profile(tenant, command.profileId());
        TenantSettings settings = lookups.settings(tenant);
        ContactPoint contactPoint = settings.contactPoint(command.contactPoint());
        RecordKey key = Lookups.recordKey(profile, contactPoint, command.purposeId(), command.topicId());
        var capture = new ConsentCapture(key, ConsentState.OPTED_IN, command.engagedAt(), Source.API, caller.actor(),
                command.evidence(), caller.correlationId()).notAfter(clock.instant());
        profile.requirePurpose(key.purposeId()).lifetime()
                .renewalRefusal(records.load(tenant, key).current().orElse(null), command.engagedAt())
                .ifPresent(rejection -> recorder.reject(tenant, capture, rejection));
        return recorder.recordAll(tenant, settings, List.of(new ConfirmingRecorder.Item(profile, capture, null))).getFirst();
    }

    @Override
    public List<ConsentRecord> ofContactPoint(TenantId tenant, RawContactPoint written, TechnicalId profileId) {
        ContactPoint contactPoint = lookups.settings(tenant).contactPoint(written);
        return records.ofContactPoint(tenant, contactPoint).stream()
                .filter(record -> profileId == null || record.key().profileId().equals(profileId))
                .toList();
    }

    private ConfirmingRecorder.Item resolve(TenantId tenant, TenantSettings settings, Map<TechnicalId, ComplianceProfile> profiles,
                                            CaptureCommand command, Caller caller) {
        ComplianceProfile profile = profiles.computeIfAbsent(command.profileId(), id -> lookups.profile(tenant, id));
        ContactPoint contactPoint = settings.contactPoint(command.contactPoint());
        RecordKey key = Lookups.recordKey(profile, contactPoint, command.purposeId(), command.topicId());
        Evidence evidence = command.notice() == null ? command.evidence()
                : profile.withNoticeSeen(key, command.notice().id(), command.notice().version(), command.evidence());
        var capture = new ConsentCapture(key, command.state(), command.capturedAt(), command.source(), caller.actor(),
                evidence, caller.correlationId()).notAfter(clock.instant());
        return new ConfirmingRecorder.Item(profile, capture, command.locale());
    }
}
