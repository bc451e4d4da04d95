package org.consentplatform.application.service;

import org.consentplatform.application.port.out.ConsentRecords;
import org.consentplatform.application.port.out.Contacts;
import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.Rejection;
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
 * for a minor's contact point needs a parent or guardian (§12), and the mail quota of every
 * opt-in that will wait for double opt-in confirmation (§5) is taken, all before anything is
 * applied, so a refusal (422, 429) leaves every record's state as it was; each opt-in left
 * pending then gets its confirmation request. A capture a rule refused is kept in its record's
 * history as REJECTED (§11) before the refusal is thrown.
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
    private final Clock clock;

    ConfirmingRecorder(ConsentRecords records, Contacts contacts, DoubleOptInService doubleOptIn, Clock clock) {
        this.recorder = new ChangeRecorder(records, clock);
        this.contacts = contacts;
        this.doubleOptIn = doubleOptIn;
        this.clock = clock;
    }

    List<ConsentChange> recordAll(TenantId tenant, TenantSettings settings, List<Item> items) {
        refuseMinorsWithoutGuardian(tenant, settings, items.stream().map(Item::capture)
                .filter(c -> c.state() == ConsentState.OPTED_IN).toList());
        items.stream().filter(item -> item.capture().awaitsConfirmation(item.doubleOptInRequired()))
                .forEach(item -> doubleOptIn.reserveMail(tenant, item.capture().key().contactPoint().address()));
        return items.stream().map(item -> {
            ConsentChange change = recorder.record(tenant, item.capture(), item.doubleOptInRequired());
            doubleOptIn.requestConfirmation(item.profile(), change, item.locale());
            return change;
        }).toList();
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
