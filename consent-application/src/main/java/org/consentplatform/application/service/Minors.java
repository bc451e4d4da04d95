package org.consentplatform.application.service;

import org.consentplatform.application.port.out.ConsentRecords;
import org.consentplatform.application.port.out.Contacts;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.RecordState;
import org.consentplatform.domain.contact.MinorFlag;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.enforcement.RecordStates;
import org.consentplatform.domain.tenant.TenantId;
import org.consentplatform.domain.tenant.TenantSettings;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads what decisions need to know of minors (§12): which of the contact points read are a
 * minor's now; and hands on which were erased (§13), read with the records.
 */
final class Minors {

    private Minors() {
    }

    /**
     * The records as read, decided on at {@code now}, with the minor flags of their contact points.
     * Flags are read only for contact points holding an opt-in: nothing else can depend on them.
     */
    static RecordStates statesAt(Instant now, TenantId tenant, ConsentRecords.Current current, Contacts contacts,
                                 TenantSettings settings) {
        Map<RecordKey, RecordState> records = current.states();
        Set<ContactPoint> suppressed = current.suppressions().keySet();
        Set<ContactPoint> withOptIns = records.entrySet().stream()
                .filter(entry -> entry.getValue().state() == ConsentState.OPTED_IN)
                .map(entry -> entry.getKey().contactPoint())
                .collect(Collectors.toSet());
        if (withOptIns.isEmpty()) {
            return RecordStates.at(now, records, Set.of(), suppressed);
        }
        Set<ContactPoint> minors = contacts.minorFlags(tenant, withOptIns).values().stream()
                .filter(flag -> flag.minorAt(now, settings.ageOfDigitalConsent()))
                .map(MinorFlag::contactPoint)
                .collect(Collectors.toSet());
        return RecordStates.at(now, records, minors, suppressed);
    }
}
