package org.consentplatform.application.service;

import org.consentplatform.application.port.in.DecideMessages;
import org.consentplatform.application.port.in.DecisionQuery;
import org.consentplatform.application.port.out.ComplianceProfiles;
import org.consentplatform.application.port.out.ConsentRecords;
import org.consentplatform.application.port.out.Contacts;
import org.consentplatform.application.port.out.Tenants;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.RecordState;
import org.consentplatform.domain.contact.Contact;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.enforcement.Decision;
import org.consentplatform.domain.enforcement.EnforcementPolicy;
import org.consentplatform.domain.enforcement.MessageIntent;
import org.consentplatform.domain.enforcement.RecordStates;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.consentplatform.domain.tenant.TenantSettings;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads what the enforcement policy needs, fresh from storage every time (consent is never
 * cached), and lets the policy decide. Batches are read in chunks so that a chunk's records
 * and contacts are fetched in one round trip each.
 */
public final class DecisionService implements DecideMessages {

    /** Lines decided together: bounds memory, amortises round trips. */
    static final int CHUNK = 500;

    private final ConsentRecords records;
    private final Contacts contacts;
    private final Lookups lookups;
    private final Clock clock;

    public DecisionService(ConsentRecords records, Contacts contacts, Tenants tenants, ComplianceProfiles profiles, Clock clock) {
        this.records = records;
        this.contacts = contacts;
        this.lookups = new Lookups(tenants, profiles);
        this.clock = clock;
    }

    @Override
    public Decision decide(TenantId tenant, DecisionQuery query) {
        return decided(tenant, query).decision();
    }

    @Override
    public Explanation explain(TenantId tenant, DecisionQuery query) {
        Decided decided = decided(tenant, query);
        List<ConsultedRecord> consulted = decided.intent().recordsRead().stream()
                .map(key -> new ConsultedRecord(key, decided.states().get(key)))
                .toList();
        Contact contact = decided.intent().contact();
        // the decision read the contact's flags alone; the explanation shows whom it is about
        Contact shown = contact == null ? null : contacts.find(tenant, contact.id()).orElse(contact);
        return new Explanation(decided.decision(), consulted, shown, decided.contactLevelChecked());
    }

    /** A single decision with what it read. */
    private record Decided(MessageIntent intent, Map<RecordKey, RecordState> states, Decision decision,
                           boolean contactLevelChecked) {
    }

    private Decided decided(TenantId tenant, DecisionQuery query) {
        TenantSettings settings = lookups.settings(tenant);
        MessageIntent intent = intent(tenant, settings, new HashMap<>(), query, contactOf(tenant, query));
        ConsentRecords.Current current = records.current(tenant, intent.recordsRead());
        return new Decided(intent, current.states(), EnforcementPolicy.decide(intent, settings, current.at(clock.instant(), settings)),
                settings.checkContactLevelConsent());
    }

    @Override
    public void decideEach(TenantId tenant, Iterator<BatchItem> items, Consumer<BatchResult> results) {
        TenantSettings settings = lookups.settings(tenant);
        Map<TechnicalId, ComplianceProfile> profiles = new HashMap<>();
        var chunk = new ArrayList<BatchItem>(CHUNK);
        while (items.hasNext()) {
            chunk.add(items.next());
            if (chunk.size() == CHUNK || !items.hasNext()) {
                decideChunk(tenant, settings, profiles, chunk, results);
                chunk.clear();
            }
        }
    }

    private void decideChunk(TenantId tenant, TenantSettings settings, Map<TechnicalId, ComplianceProfile> profiles,
                             List<BatchItem> chunk, Consumer<BatchResult> results) {
        Set<TechnicalId> contactIds = new HashSet<>();
        for (BatchItem item : chunk) {
            if (item instanceof BatchItem.Query query && query.query().contactId() != null) {
                contactIds.add(query.query().contactId());
            }
        }
        Map<TechnicalId, Contact> contactsById = contactIds.isEmpty() ? Map.of() : contacts.findAll(tenant, contactIds);

        var resolved = new ArrayList<Resolved>(chunk.size());
        var keys = new ArrayList<RecordKey>();
        for (BatchItem item : chunk) {
            switch (item) {
                case BatchItem.Unreadable unreadable -> resolved.add(Resolved.refused(item.line(), unreadable.rejection()));
                case BatchItem.Query query -> {
                    try {
                        Contact contact = query.query().contactId() == null ? null
                                : contactIn(contactsById, query.query().contactId());
                        MessageIntent intent = intent(tenant, settings, profiles, query.query(), contact);
                        keys.addAll(intent.recordsRead());
                        resolved.add(new Resolved(item.line(), intent, null));
                    } catch (DomainRejection rejection) {
                        resolved.add(Resolved.refused(item.line(), rejection));
                    }
                }
            }
        }
        ConsentRecords.Current read = keys.isEmpty() ? ConsentRecords.Current.NONE : records.current(tenant, keys);
        RecordStates states = read.at(clock.instant(), settings);
        for (Resolved entry : resolved) {
            results.accept(entry.intent() == null ? entry.refused()
                    : new BatchResult.Decided(entry.line(), EnforcementPolicy.decide(entry.intent(), settings, states)));
        }
    }

    /** A line of a chunk once resolved: an intent to decide, or already refused. */
    private record Resolved(long line, MessageIntent intent, BatchResult.Refused refused) {
        static Resolved refused(long line, DomainRejection rejection) {
            return new Resolved(line, null, new BatchResult.Refused(line, rejection));
        }
    }

    private MessageIntent intent(TenantId tenant, TenantSettings settings, Map<TechnicalId, ComplianceProfile> profiles,
                                 DecisionQuery query, Contact contact) {
        ComplianceProfile profile = profiles.computeIfAbsent(query.profileId(), id -> lookups.profile(tenant, id));
        ContactPoint contactPoint = settings.contactPoint(query.contactPoint());
        return MessageIntent.resolve(profile, query.purposeId(), query.topicId(), contactPoint, contact);
    }

    private Contact contactOf(TenantId tenant, DecisionQuery query) {
        if (query.contactId() == null) {
            return null;
        }
        TechnicalId id = query.contactId();
        // its flags are all a decision reads of it: nothing is decrypted
        return contactIn(contacts.findAll(tenant, List.of(id)), id);
    }

    private static Contact contactIn(Map<TechnicalId, Contact> contacts, TechnicalId id) {
        Contact contact = contacts.get(id);
        if (contact == null) {
            throw new DomainRejection.NotFound("contact '" + id + "' does not exist");
        }
        return contact;
    }
}
