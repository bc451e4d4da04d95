package org.consentplatform.domain.enforcement;

import org.consentplatform.domain.consent.EnforcementModel;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What changing one purpose's model on one channel would do (a dry run): each record of the
 * purpose (its topics' too) decided under the model now and under the new one, counted by
 * how it flips, with a sample. Contact points without a record cannot be counted; what the
 * change does to them is said once ({@link #sendsWithoutRecordBefore()} and after).
 */
public final class ModelChangeImpact {

    /** Contact points named in the answer, at most. */
    public static final int SAMPLE_SIZE = 20;

    /** A record whose verdict flips. */
    public record Flip(RecordKey record, boolean sendsBefore, boolean sendsAfter) {
    }

    private final ComplianceProfile before;
    private final ComplianceProfile after;
    private final Purpose purpose;
    private final Channel channel;
    private final EnforcementModel from;
    private final EnforcementModel to;
    private long evaluated;
    private long sendToBlock;
    private long blockToSend;
    private final List<Flip> sample = new ArrayList<>();

    private ModelChangeImpact(ComplianceProfile before, Purpose purpose, Channel channel, EnforcementModel to) {
        this.before = before;
        this.purpose = purpose;
        this.channel = channel;
        this.from = purpose.modelFor(channel).orElseThrow(() -> new DomainRejection.RuleViolation("no-model-on-channel",
                "purpose '" + purpose.id() + "' has no model on " + channel + " to change"));
        this.to = to;
        this.after = before.withModel(purpose.id(), channel, to);
    }

    public static ModelChangeImpact of(ComplianceProfile profile, TechnicalId purposeId, Channel channel, EnforcementModel to) {
        return new ModelChangeImpact(profile, profile.requirePurpose(purposeId), channel, to);
    }

    /** Counts one record of the purpose on the channel, as it stands (lifetimes applied). */
    public void count(RecordKey key, RecordStates states) {
        if (!key.purposeId().equals(purpose.id()) || !key.contactPoint().channel().equals(channel)) {
            throw new IllegalArgumentException(key + " is not a record of " + purpose.id() + " on " + channel);
        }
        evaluated++;
        boolean sendsBefore = EnforcementPolicy.recordPermits(before, key, states);
        boolean sendsAfter = EnforcementPolicy.recordPermits(after, key, states);
        if (sendsBefore == sendsAfter) {
            return;
        }
        if (sendsBefore) {
            sendToBlock++;
        } else {
            blockToSend++;
        }
        if (sample.size() < SAMPLE_SIZE) {
            sample.add(new Flip(key, sendsBefore, sendsAfter));
        }
    }

    public boolean sendsWithoutRecordBefore() {
        return from.permits(null);
    }

    public boolean sendsWithoutRecordAfter() {
        return to.permits(null);
    }

    public TechnicalId purposeId() {
        return purpose.id();
    }

    public Channel channel() {
        return channel;
    }

    public EnforcementModel from() {
        return from;
    }

    public EnforcementModel to() {
        return to;
    }

    public long evaluated() {
        return evaluated;
    }

    public long sendToBlock() {
        return sendToBlock;
    }

    public long blockToSend() {
        return blockToSend;
    }

    public List<Flip> sample() {
        return List.copyOf(sample);
    }

    /** The sample's contact points: records are scanned by pseudonym, so they are withheld until named. */
    public Set<ContactPoint> sampleContactPoints() {
        return sample.stream().map(flip -> flip.record().contactPoint()).collect(Collectors.toSet());
    }

    /** Names the sample's contact points by the addresses read back for them (an erased one stays withheld). */
    public void name(Map<ContactPoint, ContactPoint> addresses) {
        sample.replaceAll(flip -> {
            RecordKey key = flip.record();
            ContactPoint named = addresses.getOrDefault(key.contactPoint(), key.contactPoint());
            return new Flip(new RecordKey(key.profileId(), named, key.purposeId(), key.topicId()), flip.sendsBefore(), flip.sendsAfter());
        });
    }
}
