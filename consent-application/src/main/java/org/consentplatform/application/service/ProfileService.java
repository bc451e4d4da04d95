package org.consentplatform.application.service;

import org.consentplatform.application.port.in.ManageProfiles;
import org.consentplatform.application.port.out.ComplianceProfiles;
import org.consentplatform.application.port.out.ConsentHistory;
import org.consentplatform.application.port.out.ConsentRecords;
import org.consentplatform.application.port.out.Tenants;
import org.consentplatform.domain.enforcement.ModelChangeImpact;
import org.consentplatform.domain.enforcement.RecordStates;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.ProfileDefinition;
import org.consentplatform.domain.profile.SmsNumber;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

public final class ProfileService implements ManageProfiles {

    private final ComplianceProfiles profiles;
    private final Tenants tenants;
    private final ConsentRecords records;
    private final ConsentHistory history;
    private final Clock clock;

    public ProfileService(ComplianceProfiles profiles, Tenants tenants, ConsentRecords records, ConsentHistory history, Clock clock) {
        this.profiles = profiles;
        this.tenants = tenants;
        this.records = records;
        this.history = history;
        this.clock = clock;
    }

    @Override
    public ComplianceProfile create(TenantId tenant, TechnicalId profileId, ProfileDefinition definition) {
        definition.requireKnownChannels(tenants.inForce(tenant));
        requireNumbersFree(tenant, profileId, definition);
        ComplianceProfile profile = ComplianceProfile.create(tenant, profileId, definition);
        profiles.add(profile);
        return profile;
    }

    @Override
    public ComplianceProfile get(TenantId tenant, TechnicalId profileId) {
        return profiles.require(tenant, profileId);
    }

    @Override
    public List<ComplianceProfile> list(TenantId tenant) {
        return profiles.all(tenant);
    }

    @Override
    public ModelChangeImpact dryRun(TenantId tenant, TechnicalId profileId, ModelChange change) {
        ModelChangeImpact impact = ModelChangeImpact.of(get(tenant, profileId), change.purposeId(), change.channel(), change.model());
        Instant now = clock.instant();
        records.scanPurpose(tenant, profileId, impact.purposeId(), impact.channel(), record -> record.current()
                .ifPresent(state -> impact.count(record.key(), RecordStates.at(now, Map.of(record.key(), state)))));
        impact.name(history.disclose(tenant, impact.sampleContactPoints()));
        return impact;
    }

    @Override
    public ComplianceProfile revise(TenantId tenant, TechnicalId profileId, ProfileDefinition definition, long expectedVersion) {
        definition.requireKnownChannels(tenants.inForce(tenant));
        requireNumbersFree(tenant, profileId, definition);
        ComplianceProfile revised = get(tenant, profileId).revise(definition, expectedVersion);
        profiles.replace(revised);
        return revised;
    }

    /** A tenant number answers for one profile: a STOP texted to it must mean one thing (§14). */
    private void requireNumbersFree(TenantId tenant, TechnicalId profileId, ProfileDefinition definition) {
        if (definition.sms() == null) {
            return;
        }
        for (ComplianceProfile other : profiles.all(tenant)) {
            for (SmsNumber number : definition.sms().numbers()) {
                if (!other.id().equals(profileId) && other.sms().number(number.number()).isPresent()) {
                    throw new DomainRejection.RuleViolation("sms-number-bound",
                            "number " + number.number() + " is already bound to profile '" + other.id() + "'");
                }
            }
        }
    }
}
