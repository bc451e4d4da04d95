package org.consentplatform.application.service;

import org.consentplatform.application.port.out.ConsentRecords;
import org.consentplatform.application.port.out.Contacts;
import org.consentplatform.application.port.out.Erasures;
import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.Rejection;
import org.consentplatform.domain.consent.Suppression;
import org.consentplatform.domain.contact.MinorFlag;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.tenant.TenantId;
import org.consentplatform.domain.tenant.TenantSettings;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Records captures with the rules every capturing flow shares, whoever made them: an opt-in
 * for a minor's contact point needs a parent or guardian (§12), an opt-in for an erased one must
 * be the person's own (§13), and the mail quota of every opt-in that will wait for double
 * opt-in confirmation (§5) is taken, all before anything is applied, so a refusal (422, 429)
 * leaves every record's state as it was; each opt-in left pending then gets its confirmation
 * request, and each applied opt-in of the person lifts its contact point's suppression. A
 * capture a rule refused is kept in its record's history as REJECTED (§11) before the refusal is thrown.
 */
final class ConfirmingRecorder {

    /** A capture ready to record, with the profile it was resolved in and the person's language. */
    record Item(ComplianceProfile profile, ConsentCapture capture, String locale) {

        boolean doubleOptInRequired() {
            return profile.requiresDoubleOptIn(profile.requirePurpose(capture.key().purposeId()), capture.key().contactPoint().channel());
        }
    }

    private final ChangeRecorder recorder;
    private final Contacts contacts;
    private final DoubleOptInService doubleOptIn;
    private final SuppressionLifts suppressions;
    private final Clock clock;

    ConfirmingRecorder(ConsentRecords records, Contacts contacts, DoubleOptInService doubleOptIn, Erasures erasures, Clock clock) {
        this.recorder = new ChangeRecorder(records, clock);
        this.contacts = contacts;
        this.doubleOptIn = doubleOptIn;
        this.suppressions = new SuppressionLifts(erasures, clock);
        this.clock = clock;
    }

    List<ConsentChange> recordAll(TenantId tenant, TenantSettings settings, List<Item> items) {
        List<ConsentCapture> optIns = items.stream().map(Item::capture).filter(c -> c.state() == ConsentState.OPTED_IN).toList();
        refuseMinorsWithoutGuardian(tenant, settings, optIns);
        Map<ContactPoint, Suppression> erased = refuseErased(tenant, optIns);
        items.stream().filter(item -> item.capture().awaitsConfirmation(item.doubleOptInRequired()))
                .forEach(item -> doubleOptIn.reserveMail(tenant, item.capture().key().contactPoint().address()));
        optIns.forEach(capture -> suppressions.readmit(tenant, erased.get(capture.key().contactPoint()), capture));
        return items.stream().map(item -> {
            ConsentChange change = recorder.record(tenant, item.capture(), item.doubleOptInRequired());
            suppressions.afterRecording(tenant, erased.get(change.key().contactPoint()), change);
            doubleOptIn.requestConfirmation(item.profile(), change, item.locale());
            return change;
        }).toList();
    }

    /** Refuses opt-ins for erased contact points that are not the person's own (§13). */
    private Map<ContactPoint, Suppression> refuseErased(TenantId tenant, List<ConsentCapture> optIns) {
        Map<ContactPoint, Suppression> erased = suppressions.of(tenant, optIns.stream().map(c -> c.key().contactPoint())
                .collect(Collectors.toSet()));
        Rejection first = null;
        for (ConsentCapture capture : optIns) {
            Optional<Rejection> rejection = Optional.ofNullable(erased.get(capture.key().contactPoint()))
                    .flatMap(suppression -> suppression.refusal(capture));
            if (rejection.isPresent()) {
                recorder.reject(tenant, capture, rejection.get());
                first = first == null ? rejection.get() : first;
            }
        }
        if (first != null) {
            throw first.refusal();
        }
        return erased;
    }

    /** Throws the refusal a rule made of a capture, once the refused capture is in its record's history. */
    void reject(TenantId tenant, ConsentCapture capture, Rejection rejection) {
        recorder.reject(tenant, capture, rejection);
        throw rejection.refusal();
    }

    private void refuseMinorsWithoutGuardian(TenantId tenant, TenantSettings settings, List<ConsentCapture> optIns) {
        if (optIns.isEmpty()) {
            return;
        }
        Map<ContactPoint, MinorFlag> minors = contacts.minorFlags(tenant,
                optIns.stream().map(c -> c.key().contactPoint()).collect(Collectors.toSet()));
        Instant now = clock.instant();
        Rejection first = null;
        for (ConsentCapture capture : optIns) {
            Optional<Rejection> rejection = Optional.ofNullable(minors.get(capture.key().contactPoint()))
                    .flatMap(minor -> minor.refusal(capture, now, settings.ageOfDigitalConsent()));
            if (rejection.isPresent()) {
                recorder.reject(tenant, capture, rejection.get());
                first = first == null ? rejection.get() : first;
            }
        }
        if (first != null) {
            throw first.refusal();
        }
    }
}
