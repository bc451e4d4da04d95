package org.consentplatform.application.service;

import org.consentplatform.application.port.out.ConsentRecords;
import org.consentplatform.application.port.out.Contacts;
import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentState;
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
 * written, so a refusal (422, 429) leaves every record as it was; each opt-in left pending then
 * gets its confirmation request.
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
        List<ConsentCapture> optIns = items.stream().map(Item::capture).filter(c -> c.state() == ConsentState.OPTED_IN).toList();
        if (!optIns.isEmpty()) {
            Map<ContactPoint, MinorFlag> minors = contacts.minorFlags(tenant,
                    optIns.stream().map(c -> c.key().contactPoint()).collect(Collectors.toSet()));
            Instant now = clock.instant();
            optIns.forEach(capture -> Optional.ofNullable(minors.get(capture.key().contactPoint()))
                    .ifPresent(minor -> minor.requireGuardian(capture, now, settings.ageOfDigitalConsent())));
        }
        items.stream().filter(item -> item.capture().awaitsConfirmation(item.doubleOptInRequired()))
                .forEach(item -> doubleOptIn.reserveMail(tenant, item.capture().key().contactPoint().address()));
        return items.stream().map(item -> {
            ConsentChange change = recorder.record(tenant, item.capture(), item.doubleOptInRequired());
            doubleOptIn.requestConfirmation(item.profile(), change, item.locale());
            return change;
        }).toList();
    }
}
