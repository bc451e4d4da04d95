package org.consentplatform.application.service;

import org.consentplatform.application.port.in.ConsentCenter;
import org.consentplatform.application.port.in.SubjectRequests;
import org.consentplatform.application.port.out.ComplianceProfiles;
import org.consentplatform.application.port.out.ConfirmationRequests;
import org.consentplatform.application.port.out.ConsentHistory;
import org.consentplatform.application.port.out.Contacts;
import org.consentplatform.application.port.out.HistoryCriteria;
import org.consentplatform.application.port.out.ReceiptSeals;
import org.consentplatform.application.port.out.Tenants;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.doubleoptin.ConfirmationRequest;
import org.consentplatform.domain.privacy.SubjectAccess;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.receipt.ConsentReceipt;
import org.consentplatform.domain.receipt.SealedReceipt;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Gathers a person's records from the change log, one streamed read per contact point, so that
 * a record is disclosed even when every capture of it was rejected.
 */
public final class SubjectRequestService implements SubjectRequests {

    private final ConsentHistory history;
    private final Contacts contacts;
    private final ComplianceProfiles profiles;
    private final ConfirmationRequests confirmations;
    private final ReceiptSeals seals;
    private final Lookups lookups;
    private final Clock clock;

    public SubjectRequestService(ConsentHistory history, Contacts contacts, Tenants tenants, ComplianceProfiles profiles,
                                 ConfirmationRequests confirmations, ReceiptSeals seals, Clock clock) {
        this.history = history;
        this.contacts = contacts;
        this.profiles = profiles;
        this.confirmations = confirmations;
        this.seals = seals;
        this.lookups = new Lookups(tenants, profiles);
        this.clock = clock;
    }

    @Override
    public SubjectAccess access(TenantId tenant, ConsentCenter.PersonQuery person, String language) {
        NamedPerson named = NamedPerson.resolve(tenant, person, lookups.settings(tenant), contacts);
        Instant now = clock.instant();
        Map<TechnicalId, ComplianceProfile> byId = profiles.all(tenant).stream()
                .collect(Collectors.toMap(ComplianceProfile::id, Function.identity()));

        var records = new ArrayList<SubjectAccess.Disclosed>();
        var requests = new ArrayList<ConfirmationRequest>();
        for (ContactPoint point : named.contactPoints()) {
            var histories = new LinkedHashMap<RecordKey, List<ConsentChange>>();
            history.export(tenant, HistoryCriteria.ofContactPoint(point),
                    change -> histories.computeIfAbsent(change.key(), key -> new ArrayList<>()).add(change));
            histories.forEach((key, entries) -> {
                ComplianceProfile profile = byId.get(key.profileId());
                records.add(new SubjectAccess.Disclosed(key, profile, entries, receipt(profile, key, entries, now)));
            });
            requests.addAll(confirmations.of(tenant, point));
        }
        return new SubjectAccess(UUID.randomUUID().toString(), tenant, now, SubjectAccess.languageFor(language, requests),
                named.contact(), named.contactPoints(), records, requests);
    }

    /** A receipt of the record's current state, null when there is none to attest or its purpose is gone. */
    private SealedReceipt receipt(ComplianceProfile profile, RecordKey key, List<ConsentChange> entries, Instant now) {
        if (profile == null || profile.purpose(key.purposeId()).isEmpty() || !ConsentReceipt.attestable(entries)) {
            return null;
        }
        return seals.seal(ConsentReceipt.ofHistory(UUID.randomUUID().toString(), now, profile, key, entries));
    }
}
