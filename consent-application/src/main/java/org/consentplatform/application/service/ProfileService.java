package org.consentplatform.application.service;

import org.consentplatform.application.port.in.ManageProfiles;
import org.consentplatform.application.port.out.ComplianceProfiles;
import org.consentplatform.application.port.out.ConsentHistory;
import org.consentplatform.application.port.out.ConsentRecords;
import org.consentplatform.application.port.out.Tenants;
import org.consentplatform.domain.consent.ConsentRecord;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.enforcement.ModelChangeImpact;
import org.consentplatform.domain.enforcement.NoticeChangeImpact;
import org.consentplatform.domain.enforcement.RecordStates;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.Notice;
import org.consentplatform.domain.profile.NoticeVersion;
import org.consentplatform.domain.profile.ProfileDefinition;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

public final class ProfileService implements ManageProfiles {

    /** Contact points named per read of the store while streaming the people to ask again. */
    private static final int DISCLOSE_BATCH = 500;

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
    public NoticeChangeImpact dryRunNotice(TenantId tenant, TechnicalId profileId, TechnicalId noticeId, NoticeVersion candidate) {
        ComplianceProfile profile = get(tenant, profileId);
        NoticeChangeImpact impact = NoticeChangeImpact.of(profile, noticeId, candidate, clock.instant());
        scanNotice(tenant, profile, impact.notice(), record -> record.current().ifPresent(state -> impact.count(record.key(), state)));
        impact.name(history.disclose(tenant, impact.sampleContactPoints()));
        return impact;
    }

    @Override
    public void reconsent(TenantId tenant, TechnicalId profileId, TechnicalId noticeId, Consumer<Reconsent> each) {
        ComplianceProfile profile = get(tenant, profileId);
        Notice notice = profile.requireNotice(noticeId);
        Instant now = clock.instant();
        var batch = new ArrayList<Reconsent>(DISCLOSE_BATCH);
        scanNotice(tenant, profile, notice, record -> record.current()
                .filter(state -> profile.noticeFor(record.key()).filter(n -> n.id().equals(noticeId)).isPresent())
                .filter(state -> profile.noticeSupersedes(record.key(), state, now))
                .ifPresent(state -> {
                    batch.add(new Reconsent(record.key(), state));
                    if (batch.size() == DISCLOSE_BATCH) {
                        disclose(tenant, batch, each);
                    }
                }));
        disclose(tenant, batch, each);
    }

    /** Every record of the notice's purpose (its topics' too), on every channel the purpose has a model on. */
    private void scanNotice(TenantId tenant, ComplianceProfile profile, Notice notice, Consumer<ConsentRecord> each) {
        for (Channel channel : profile.requirePurpose(notice.purposeId()).models().keySet()) {
            records.scanPurpose(tenant, profile.id(), notice.purposeId(), channel, each);
        }
    }

    /** Names a batch's contact points in one read and hands them on; erased ones, still withheld, are left out. */
    private void disclose(TenantId tenant, List<Reconsent> batch, Consumer<Reconsent> each) {
        Map<ContactPoint, ContactPoint> named = history.disclose(tenant,
                batch.stream().map(line -> line.record().contactPoint()).collect(Collectors.toSet()));
        for (Reconsent line : batch) {
            ContactPoint address = named.get(line.record().contactPoint());
            if (address != null && !address.isWithheld()) {
                RecordKey key = line.record();
                each.accept(new Reconsent(new RecordKey(key.profileId(), address, key.purposeId(), key.topicId()), line.state()));
            }
        }
        batch.clear();
    }

    @Override
    public ComplianceProfile revise(TenantId tenant, TechnicalId profileId, ProfileDefinition definition, long expectedVersion) {
        definition.requireKnownChannels(tenants.inForce(tenant));
        requireNumbersFree(tenant, profileId, definition);
        ComplianceProfile revised = get(tenant, profileId).revise(definition, expectedVersion);
        profiles.replace(revised);
        return revised;
    }

    private void requireNumbersFree(TenantId tenant, TechnicalId profileId, ProfileDefinition definition) {
        if (definition.sms() != null && !definition.sms().numbers().isEmpty()) {
            definition.sms().requireNumbersFree(profiles.all(tenant).stream().filter(other -> !other.id().equals(profileId)).toList());
        }
    }
}
