package org.consentplatform.domain.enforcement;

import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.RecordState;
import org.consentplatform.domain.contact.MinorFlag;
import org.consentplatform.domain.contactpoint.ContactPoint;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The current state of the records a decision reads, at the moment it is taken. A bare state
 * function knows no capture times and no moment, so consent lifetimes are not applied to it;
 * {@link #at} gives one that applies them.
 */
@FunctionalInterface
public interface RecordStates {

    /** The record's state; null for an absent record. */
    ConsentState stateOf(RecordKey key);

    /** When the record's state was captured; null when not known. */
    default Instant capturedAt(RecordKey key) {
        return null;
    }

    /** The moment of the decision; null when lifetimes are not applied. */
    default Instant now() {
        return null;
    }

    /** The record as read, with its capture's source and evidence; null when absent or not known. */
    default RecordState recordState(RecordKey key) {
        return null;
    }

    /** Whether an EXPIRY change already ended the record's opt-in (it then reads as absent). */
    default boolean endedByExpiry(RecordKey key) {
        return false;
    }

    /** Whether the record is an opt-in for a minor's contact point that no parent or guardian gave (it then reads as absent). */
    default boolean minorWithoutGuardian(RecordKey key) {
        return false;
    }

    /** Whether the contact point was erased and stays suppressed (§13). */
    default boolean suppressed(ContactPoint contactPoint) {
        return false;
    }

    /** Records as read from storage (absent ones left out), decided on at {@code now}. */
    static RecordStates at(Instant now, Map<RecordKey, RecordState> records) {
        return at(now, records, Set.of(), Set.of());
    }

    /**
     * Records as read from storage, decided on at {@code now}, with the minor flags of their
     * contact points (§12: a flag counts while its person is below the age of digital consent)
     * and those of them that were erased (§13).
     */
    static RecordStates at(Instant now, Map<RecordKey, RecordState> records, Collection<MinorFlag> minorFlags,
                           int ageOfDigitalConsent, Set<ContactPoint> suppressed) {
        Set<ContactPoint> minorsNow = minorFlags.stream()
                .filter(flag -> flag.minorAt(now, ageOfDigitalConsent))
                .map(MinorFlag::contactPoint)
                .collect(Collectors.toSet());
        return at(now, records, minorsNow, suppressed);
    }

    /**
     * Records as read from storage, decided on at {@code now}, for contact points of which those
     * in {@code minors} are a minor's at that moment and those in {@code suppressed} were erased.
     */
    static RecordStates at(Instant now, Map<RecordKey, RecordState> records, Set<ContactPoint> minors,
                           Set<ContactPoint> suppressed) {
        return new RecordStates() {
            @Override
            public boolean suppressed(ContactPoint contactPoint) {
                return suppressed.contains(contactPoint);
            }

            @Override
            public ConsentState stateOf(RecordKey key) {
                RecordState state = records.get(key);
                return state == null ? null : state.state();
            }

            @Override
            public Instant capturedAt(RecordKey key) {
                RecordState state = records.get(key);
                return state == null ? null : state.capturedAt();
            }

            @Override
            public Instant now() {
                return now;
            }

            @Override
            public RecordState recordState(RecordKey key) {
                return records.get(key);
            }

            @Override
            public boolean endedByExpiry(RecordKey key) {
                RecordState state = records.get(key);
                return state != null && state.expired();
            }

            @Override
            public boolean minorWithoutGuardian(RecordKey key) {
                RecordState state = records.get(key);
                return state != null && state.state() == ConsentState.OPTED_IN && minors.contains(key.contactPoint())
                        && (state.evidence() == null || state.evidence().guardian() == null);
            }
        };
    }
}
