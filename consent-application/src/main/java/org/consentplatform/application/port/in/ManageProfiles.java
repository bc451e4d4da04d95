package org.consentplatform.application.port.in;

import org.consentplatform.domain.consent.EnforcementModel;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.RecordState;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.enforcement.ModelChangeImpact;
import org.consentplatform.domain.enforcement.NoticeChangeImpact;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.NoticeVersion;
import org.consentplatform.domain.profile.ProfileDefinition;
import org.consentplatform.domain.shared.InvalidInputs;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.util.List;
import java.util.function.Consumer;

/** Creates, reads and revises compliance profiles. */
public interface ManageProfiles {

    ComplianceProfile create(TenantId tenant, TechnicalId profileId, ProfileDefinition definition);

    ComplianceProfile get(TenantId tenant, TechnicalId profileId);

    List<ComplianceProfile> list(TenantId tenant);

    /**
     * What changing a purpose's model on a channel would do to the records as they stand, changing
     * nothing: how many flip from send to block and back, with a sample.
     */
    ModelChangeImpact dryRun(TenantId tenant, TechnicalId profileId, ModelChange change);

    /**
     * What publishing a new version of a notice would do (§15): how many contact points would
     * stop being sendable, with a sample; nothing is stored.
     */
    NoticeChangeImpact dryRunNotice(TenantId tenant, TechnicalId profileId, TechnicalId noticeId, NoticeVersion candidate);

    /**
     * Hands over, streaming, every opt-in that counts as absent now because a material version of
     * the notice superseded the one it was given under: the people to ask again. Addresses are
     * read back in batches; an erased contact point is left out.
     */
    void reconsent(TenantId tenant, TechnicalId profileId, TechnicalId noticeId, Consumer<Reconsent> each);

    /** An opt-in to ask for again, with what it was given under. */
    record Reconsent(RecordKey record, RecordState state) {
    }

    /** A purpose's model on a channel, as it would become. */
    record ModelChange(TechnicalId purposeId, Channel channel, EnforcementModel model) {

        public ModelChange {
            InvalidInputs.requireNonNull("purposeId", purposeId);
            InvalidInputs.requireNonNull("channel", channel);
            InvalidInputs.requireNonNull("model", model);
        }
    }

    /** Replaces the definition if {@code expectedVersion} is still the stored one. */
    ComplianceProfile revise(TenantId tenant, TechnicalId profileId, ProfileDefinition definition, long expectedVersion);
}
