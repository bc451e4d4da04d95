package org.consentplatform.application.service;

import org.consentplatform.application.port.out.ConsentRecords;
import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Clock;
import java.util.List;

/**
 * Records captures with double opt-in (§5), whoever made them: the mail quota of every opt-in
 * that will wait for confirmation is taken before anything is written, so a refusal (429)
 * leaves every record as it was; each opt-in left pending then gets its confirmation request.
 */
final class ConfirmingRecorder {

    /** A capture ready to record, with the profile it was resolved in and the person's language. */
    record Item(ComplianceProfile profile, ConsentCapture capture, String locale) {

        boolean doubleOptInRequired() {
            return profile.requiresDoubleOptIn(profile.requirePurpose(capture.key().purposeId()), capture.key().contactPoint().channel());
        }
    }

    private final ChangeRecorder recorder;
    private final DoubleOptInService doubleOptIn;

    ConfirmingRecorder(ConsentRecords records, DoubleOptInService doubleOptIn, Clock clock) {
        this.recorder = new ChangeRecorder(records, clock);
        this.doubleOptIn = doubleOptIn;
    }

    List<ConsentChange> recordAll(TenantId tenant, List<Item> items) {
        items.stream().filter(item -> item.capture().awaitsConfirmation(item.doubleOptInRequired()))
                .forEach(item -> doubleOptIn.reserveMail(tenant, item.capture().key().contactPoint().address()));
        return items.stream().map(item -> {
            ConsentChange change = recorder.record(tenant, item.capture(), item.doubleOptInRequired());
            doubleOptIn.requestConfirmation(item.profile(), change, item.locale());
            return change;
        }).toList();
    }
}
