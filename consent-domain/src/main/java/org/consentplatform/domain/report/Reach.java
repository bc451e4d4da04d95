package org.consentplatform.domain.report;

import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.EnforcementModel;
import org.consentplatform.domain.enforcement.Aspect;
import org.consentplatform.domain.enforcement.EnforcementPolicy;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.profile.PurposeType;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * How many contact points a series reaches (§12): its records counted by state, each state
 * decided by the enforcement policy as a decision decides a record in that state, so a report
 * never disagrees with decisions on what a state means. Contact points without a record are not
 * counted; {@link #permitsWithoutRecord()} says what happens to them. Contact-level flags (§4) and
 * minor flags (§12) belong to contacts, not records, and are not in these figures.
 *
 * @param records       the records in each state, as counted when they were written
 * @param overdueOptIns    opt-ins among them already past their lifetime that the expiry job has not
 *                         written down yet: they count as absent at once, as in decisions
 * @param supersededOptIns opt-ins among them given before a material version of their notice took effect, where
 *                         the profile requires consent again (§15): they count as absent, as in decisions (an opt-in
 *                         that named the new version before it took effect is counted here too: the safe side)
 * @param permitted        contact points whose record lets the purpose's messages (or tracking) through
 * @param blocked          contact points whose record stops them
 */
public record Reach(Series series, Purpose purpose, EnforcementModel model, Map<CountedState, Long> records,
                    long overdueOptIns, long supersededOptIns, long permitted, long blocked, boolean permitsWithoutRecord) {

    public static Optional<Reach> of(ComplianceProfile profile, Series series, Map<CountedState, Long> records, long overdueOptIns) {
        return of(profile, series, records, overdueOptIns, 0, overdueOptIns);
    }

    /**
     * The capture dates before which a series' opt-ins count as absent at {@code now}: past their
     * lifetime (§10), or given before a material notice version (§15); null where none applies.
     * Both are "captured before a cut-off", so the opt-ins absent for either reason are those
     * captured before the later one: each is counted once.
     */
    public record CutOffs(Instant overdue, Instant superseded) {

        public static CutOffs of(ComplianceProfile profile, Series series, Instant now) {
            return new CutOffs(profile.purpose(series.purposeId()).map(p -> p.lifetime().surelyExpiredIfCapturedBy(now)).orElse(null),
                    profile.supersededIfCapturedBefore(series.purposeId(), series.topicId(), now));
        }

        public Instant either() {
            return overdue == null ? superseded : superseded == null || overdue.isAfter(superseded) ? overdue : superseded;
        }
    }

    /**
     * Empty when the profile no longer has the series' purpose, or no model for it on the
     * series' channel: nothing is sent for it there.
     */
    /**
     * @param absentOptIns the opt-ins that count as absent for either reason, each once (the overdue and the
     *                     superseded are both "captured before a cut-off": their union is those captured before the later one)
     */
    public static Optional<Reach> of(ComplianceProfile profile, Series series, Map<CountedState, Long> records, long overdueOptIns,
                                     long supersededOptIns, long absentOptIns) {
        Optional<Purpose> purpose = profile.purpose(series.purposeId());
        Optional<EnforcementModel> model = purpose.flatMap(p -> p.modelFor(series.channel()));
        if (model.isEmpty()) {
            return Optional.empty();
        }
        var counts = new EnumMap<CountedState, Long>(CountedState.class);
        for (CountedState state : CountedState.values()) {
            counts.put(state, Math.max(0, records.getOrDefault(state, 0L)));
        }
        long overdue = Math.min(Math.max(0, absentOptIns), counts.get(CountedState.OPTED_IN));
        long permitted = 0;
        long blocked = 0;
        for (CountedState state : CountedState.values()) {
            long number = state == CountedState.OPTED_IN ? counts.get(state) - overdue : counts.get(state);
            if (permits(profile, series, state.asRead())) {
                permitted += number;
            } else {
                blocked += number;
            }
        }
        // an opt-in past its lifetime, or superseded by its notice, reads as absent, like an expired one
        boolean permitsAbsent = permits(profile, series, null);
        if (permitsAbsent) {
            permitted += overdue;
        } else {
            blocked += overdue;
        }
        long opted = counts.get(CountedState.OPTED_IN);
        return Optional.of(new Reach(series, purpose.get(), model.get(), Collections.unmodifiableMap(counts),
                Math.min(Math.max(0, overdueOptIns), opted), Math.min(Math.max(0, supersededOptIns), opted), permitted, blocked,
                permitsAbsent));
    }

    private static boolean permits(ComplianceProfile profile, Series series, ConsentState state) {
        return EnforcementPolicy.statePermits(profile, series.purposeId(), series.channel(), state);
    }

    /** Whether the figures are about sending messages or about tracking them (the TRACKING purpose). */
    public Aspect aspect() {
        return purpose.type() == PurposeType.TRACKING ? Aspect.TRACKING : Aspect.MESSAGE;
    }
}
