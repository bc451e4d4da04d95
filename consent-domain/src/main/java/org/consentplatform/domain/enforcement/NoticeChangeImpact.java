package org.consentplatform.domain.enforcement;

import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.RecordState;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.Notice;
import org.consentplatform.domain.profile.NoticePolicy;
import org.consentplatform.domain.profile.NoticeVersion;
import org.consentplatform.domain.shared.TechnicalId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What publishing a new version of a notice would do (§15, a dry run): every record the notice
 * words, decided with and without the new version at the moment it takes effect (or now, if
 * that is past), counting the contact points that would stop being sendable, with a sample.
 * Deciding both at the same moment keeps other causes (an opt-in expiring meanwhile) out of the
 * count. A version that is not material, or a profile that grandfathers, stops nobody.
 */
public final class NoticeChangeImpact {

    public static final int SAMPLE_SIZE = ModelChangeImpact.SAMPLE_SIZE;

    private final ComplianceProfile before;
    private final ComplianceProfile after;
    private final Notice notice;
    private final NoticeVersion candidate;
    private final Instant at;
    private long evaluated;
    private long optInsStopped;
    private final Set<ContactPoint> stopped = new HashSet<>();
    private final List<RecordKey> sample = new ArrayList<>();

    private NoticeChangeImpact(ComplianceProfile profile, TechnicalId noticeId, NoticeVersion candidate, Instant now) {
        this.before = profile;
        this.notice = profile.requireNotice(noticeId);
        this.candidate = candidate;
        this.after = profile.withNoticeVersion(noticeId, candidate);
        this.at = candidate.effectiveAt().isAfter(now) ? candidate.effectiveAt() : now;
    }

    public static NoticeChangeImpact of(ComplianceProfile profile, TechnicalId noticeId, NoticeVersion candidate, Instant now) {
        return new NoticeChangeImpact(profile, noticeId, candidate, now);
    }

    /** Counts one record of the notice's purpose (records another notice words are skipped). */
    public void count(RecordKey key, RecordState state) {
        if (before.noticeFor(key).filter(n -> n.id().equals(notice.id())).isEmpty()) {
            return;
        }
        evaluated++;
        RecordStates states = RecordStates.at(at, Map.of(key, state));
        if (EnforcementPolicy.recordPermits(before, key, states) && !EnforcementPolicy.recordPermits(after, key, states)) {
            optInsStopped++;
            if (stopped.add(key.contactPoint()) && sample.size() < SAMPLE_SIZE) {
                sample.add(key);
            }
        }
    }

    public Notice notice() {
        return notice;
    }

    public NoticePolicy noticePolicy() {
        return before.noticePolicy();
    }

    public NoticeVersion candidate() {
        return candidate;
    }

    /** When the verdicts were compared: the version's effective date, or now. */
    public Instant at() {
        return at;
    }

    public long evaluated() {
        return evaluated;
    }

    /** Records that send now and would not. */
    public long optInsStopped() {
        return optInsStopped;
    }

    /** Contact points with at least one such record. */
    public long contactPointsStopped() {
        return stopped.size();
    }

    public List<RecordKey> sample() {
        return List.copyOf(sample);
    }

    public Set<ContactPoint> sampleContactPoints() {
        var points = new HashSet<ContactPoint>();
        sample.forEach(key -> points.add(key.contactPoint()));
        return points;
    }

    /** Names the sample's contact points by the addresses read back for them (an erased one stays withheld). */
    public void name(Map<ContactPoint, ContactPoint> addresses) {
        sample.replaceAll(key -> new RecordKey(key.profileId(), addresses.getOrDefault(key.contactPoint(), key.contactPoint()),
                key.purposeId(), key.topicId()));
    }
}
