package org.consentplatform.application.port.out;

import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentRecord;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.RecordState;
import org.consentplatform.domain.consent.Suppression;
import org.consentplatform.domain.contact.MinorFlag;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.enforcement.RecordStates;
import org.consentplatform.domain.report.Series;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.consentplatform.domain.tenant.TenantSettings;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Consent records: an append-only change log (the commit point and the audit trail) and the
 * current state derived from it. Reads of the current state never come from a cache, so a
 * revocation is seen by the very next decision.
 */
public interface ConsentRecords {

    /**
     * The keyed hash the store files a contact point under: what ids derived from a contact point
     * are made of, so that they tell nothing of its address (ADR 37).
     */
    String pseudonym(TenantId tenant, ContactPoint contactPoint);

    /** The record as its newest change in the log left it (absent when it has none). */
    ConsentRecord load(TenantId tenant, RecordKey key);

    /**
     * Appends a change and brings the current state up to date.
     *
     * @return false when another writer took the change's sequence number first: load and retry
     */
    boolean append(ConsentChange change);

    /**
     * The current state of each of the keys that has one, with what their contact points' subject
     * documents say: which were erased (§13) and which are a minor's (§12), in one read.
     */
    Current current(TenantId tenant, Collection<RecordKey> keys);

    /**
     * What a decision reads.
     *
     * @param states       the records that have a state
     * @param suppressions the erased contact points among those of the keys asked about
     * @param minors       the minor flags of those contact points
     */
    record Current(Map<RecordKey, RecordState> states, Map<ContactPoint, Suppression> suppressions,
                   Map<ContactPoint, MinorFlag> minors) {

        public static final Current NONE = new Current(Map.of(), Map.of(), Map.of());

        public Current {
            states = Map.copyOf(states);
            suppressions = Map.copyOf(suppressions);
            minors = Map.copyOf(minors);
        }

        /** The records as read, decided on at {@code now}: lifetimes, minors and erasures applied. */
        public RecordStates at(Instant now, TenantSettings settings) {
            return RecordStates.at(now, states, minors.values(), settings.ageOfDigitalConsent(), suppressions.keySet());
        }
    }

    /** Every record of a contact point, optionally in one profile. */
    List<ConsentRecord> ofContactPoint(TenantId tenant, ContactPoint contactPoint);

    /**
     * Records of one purpose (its topics included) of a profile whose current state is an
     * opt-in captured at or before {@code capturedBefore}, oldest first: the candidates for expiry.
     */
    List<ConsentRecord> optedInCapturedBefore(TenantId tenant, TechnicalId profileId, TechnicalId purposeId, Instant capturedBefore,
                                              int limit);

    /**
     * How many records of one purpose (its topics included) of a profile, per series, hold an
     * opt-in captured at or before {@code capturedBefore}: opt-ins past their lifetime that the
     * expiry job has not written down yet, few when it keeps up.
     */
    Map<Series, Long> countOptedInCapturedBefore(TenantId tenant, TechnicalId profileId, TechnicalId purposeId, Instant capturedBefore);

    /** Hands every record of one purpose (its topics' too) on one channel to {@code each}, streaming: a dry run reads them all. */
    void scanPurpose(TenantId tenant, TechnicalId profileId, TechnicalId purposeId, Channel channel, Consumer<ConsentRecord> each);

    /**
     * Re-applies changes the log holds whose projection a crash cut off; harmless when several
     * instances run it at once.
     *
     * @param grace how old such a change must be, so that writers in flight are left alone
     * @return how many changes were re-applied
     */
    int repairProjections(Duration grace);

    /** The changes with these ids that are in the log (loads give their changes ids of their own). */
    List<ConsentChange> changes(TenantId tenant, Collection<String> changeIds);

    /** The records as their newest changes left them, absent ones included, with their suppressions, in one read. */
    Map<RecordKey, ConsentRecord> loadAll(TenantId tenant, Collection<RecordKey> keys);

    /**
     * Appends many changes in a few round trips (loads, erasures). Each record's changes must
     * follow on from the record as {@link #loadAll} gave it, in seq order. A record whose next seq
     * was taken meanwhile gets none of its changes appended: the caller records those one by one.
     *
     * @param repair who brings a projection up to date when a crash cut it off after the append
     * @return the ids of the changes appended
     */
    Set<String> appendAll(List<ConsentChange> changes, Repair repair);

    /** Who repairs a record's projection a crash left behind its log. */
    enum Repair {
        /** The periodic sweep ({@link #repairProjections}): each change is marked until its projection is written. */
        SWEEP,
        /**
         * The caller, which keeps its own place (a load's stored position) and hands the changes it
         * finds in the log when it resumes to {@link #project}: no marks, one write less per change.
         */
        CALLER
    }

    /** Brings the records' projections up to these changes of their logs; harmless where they are there or further already. */
    void project(Collection<ConsentChange> changes);
}
