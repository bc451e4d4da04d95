package org.consentplatform.domain.privacy;

import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.RecordState;
import org.consentplatform.domain.consent.Suppression;
import org.consentplatform.domain.contact.Contact;
import org.consentplatform.domain.contact.MinorFlag;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.doubleoptin.ConfirmationRequest;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.DoubleOptInSettings;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.profile.Topic;
import org.consentplatform.domain.receipt.SealedReceipt;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InvalidInputs;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the platform holds about one person (GDPR Art. 15): their contact points, each
 * record with its whole history and evidence, their double opt-in requests, and a signed
 * receipt of each record's current state (an opt-out is attested too).
 *
 * @param contact      null when the person was named by contact points
 * @param language     the language the person is answered in (ISO 639-1)
 * @param suppressions the person's contact points that were erased (§13), with when and why
 * @param minors       those flagged as a minor's (§12), with the birth date held
 */
public record SubjectAccess(String id, TenantId tenant, Instant compiledAt, String language, Contact contact,
                            List<ContactPoint> contactPoints, List<Disclosed> records,
                            List<ConfirmationRequest> confirmationRequests, Map<ContactPoint, Suppression> suppressions,
                            Map<ContactPoint, MinorFlag> minors) {

    public SubjectAccess {
        InvalidInputs.requireNonNull("language", language);
        suppressions = Map.copyOf(suppressions);
        minors = Map.copyOf(minors);
        contactPoints = List.copyOf(contactPoints);
        records = List.copyOf(records);
        confirmationRequests = List.copyOf(confirmationRequests);
    }

    /**
     * One record as the person sees it.
     *
     * @param profile null when the record's profile was deleted since: the history is disclosed all the same
     * @param history every entry, applied, superseded or rejected (kept in seq order)
     * @param receipt null when no state can be attested (absent, expired, awaiting confirmation, or its profile is gone)
     */
    public record Disclosed(RecordKey key, ComplianceProfile profile, List<ConsentChange> history, SealedReceipt receipt) {

        public Disclosed {
            history = history.stream().sorted(Comparator.comparingLong(ConsentChange::seq)).toList();
            if (history.isEmpty()) {
                throw new IllegalArgumentException("a disclosed record has a history");
            }
        }

        /** The state the newest entry left the record in, empty when it is absent. */
        public Optional<RecordState> current() {
            return Optional.ofNullable(history.getLast().after());
        }

        /** The record's status now, empty when no applied change ever set it. */
        public Optional<ConsentStatus> status() {
            return current().map(state -> ConsentStatus.of(state, givenBefore(history.size() - 1)));
        }

        /** The status an entry left the record in, empty when it left it absent. */
        public Optional<ConsentStatus> statusAfter(ConsentChange entry) {
            int position = history.indexOf(entry);
            if (position < 0) {
                throw new IllegalArgumentException("entry " + entry.id() + " is not in this record's history");
            }
            return Optional.ofNullable(entry.after()).map(state -> ConsentStatus.of(state, givenBefore(position)));
        }

        public Optional<Purpose> purpose() {
            return profile == null ? Optional.empty() : profile.purpose(key.purposeId());
        }

        public Optional<Topic> topic() {
            return key.topic().flatMap(topic -> purpose().flatMap(purpose -> purpose.topic(topic)));
        }

        private boolean givenBefore(int position) {
            return history.subList(0, position).stream()
                    .anyMatch(change -> change.applied() && change.after() != null && change.after().state() == ConsentState.OPTED_IN);
        }
    }

    /**
     * The language to answer in: the one asked for, else the one the person was last written to
     * in, else English.
     *
     * @throws DomainRejection.InvalidInput when the one asked for is not supported
     */
    public static String languageFor(String asked, List<ConfirmationRequest> confirmationRequests) {
        if (asked != null) {
            String language = asked.toLowerCase(Locale.ROOT);
            if (!DoubleOptInSettings.LANGUAGES.contains(language)) {
                throw DomainRejection.InvalidInput.of("language", "must be one of " + DoubleOptInSettings.LANGUAGES);
            }
            return language;
        }
        return confirmationRequests.stream().max(Comparator.comparing(ConfirmationRequest::requestedAt))
                .map(ConfirmationRequest::language).filter(DoubleOptInSettings.LANGUAGES::contains).orElse("en");
    }
}
