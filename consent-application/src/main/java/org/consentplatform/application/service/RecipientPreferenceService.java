package org.consentplatform.application.service;

import org.consentplatform.application.port.in.RecipientPreferences;
import org.consentplatform.application.port.out.ComplianceProfiles;
import org.consentplatform.application.port.out.ConsentRecords;
import org.consentplatform.application.port.out.Contacts;
import org.consentplatform.application.port.out.Erasures;
import org.consentplatform.application.port.out.Tenants;
import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.preference.GlobalPrivacyControl;
import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.contact.Contact;
import org.consentplatform.domain.contact.LegacyFlags;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.enforcement.RecordStates;
import org.consentplatform.domain.preference.Choice;
import org.consentplatform.domain.preference.Preferences;
import org.consentplatform.domain.preference.RecipientLink;
import org.consentplatform.domain.preference.SubscriptionCenter;
import org.consentplatform.domain.preference.Unsubscription;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.consentplatform.domain.tenant.TenantSettings;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Preference center, subscription center and one-click unsubscribe. Every page reads the
 * records fresh and lets the domain pre-fill it; every submission is re-checked against the
 * records as they are now, and written through the same recorder as any capture, so it is
 * audited, published and seen by the very next decision.
 */
public final class RecipientPreferenceService implements RecipientPreferences {

    private static final int MAX_USER_AGENT = 1024;

    private final ConsentRecords records;
    private final Contacts contacts;
    private final Lookups lookups;
    private final ConfirmingRecorder recorder;
    private final Clock clock;

    public RecipientPreferenceService(ConsentRecords records, Contacts contacts, Tenants tenants, ComplianceProfiles profiles,
                                      DoubleOptInService doubleOptIn, Erasures erasures, Clock clock) {
        this.records = records;
        this.contacts = contacts;
        this.lookups = new Lookups(tenants, profiles);
        this.recorder = new ConfirmingRecorder(records, contacts, doubleOptIn, erasures, clock);
        this.clock = clock;
    }

    @Override
    public List<RecipientLink> links(TenantId tenant, LinkRequest request) {
        ComplianceProfile profile = lookups.profile(tenant, request.profileId());
        ContactPoint contactPoint = request.contactPoint() == null ? null
                : lookups.settings(tenant).contactPoint(request.contactPoint());
        Contact contact = request.contactId() == null ? null : contact(tenant, request.contactId());
        if (contact != null && contactPoint != null && !contact.contactPoints().contains(contactPoint)) {
            throw new DomainRejection.RuleViolation("contact-point-of-contact",
                    "contact '" + contact.id() + "' has no contact point " + contactPoint.channel() + " " + contactPoint.address());
        }
        TechnicalId purposeId = request.purposeId();
        TechnicalId topicId = request.topicId();
        var links = new ArrayList<RecipientLink>();
        if (contactPoint != null) {
            Unsubscription.of(profile, contactPoint, purposeId, topicId); // refuses a purpose one cannot unsubscribe from
            TechnicalId contactId = contact == null ? null : contact.id();
            links.add(new RecipientLink(RecipientLink.Use.PREFERENCES, tenant, profile.id(), contactPoint, contactId, null, null));
            links.add(new RecipientLink(RecipientLink.Use.UNSUBSCRIBE, tenant, profile.id(), contactPoint, contactId, purposeId, topicId));
        } else if (purposeId != null) {
            throw DomainRejection.InvalidInput.of("purposeId", "names what an unsubscribe link leaves, and needs a channel and address");
        }
        if (contact != null && contact.carriesLegacyFlags()) {
            links.add(new RecipientLink(RecipientLink.Use.SUBSCRIPTIONS, tenant, profile.id(), null, contact.id(), null, null));
        }
        return links;
    }

    @Override
    public Preferences preferences(RecipientLink link) {
        ComplianceProfile profile = profileOf(link);
        TenantSettings settings = lookups.settings(link.tenant());
        Contact contact = link.contactId() == null ? null : contacts.find(link.tenant(), link.contactId()).orElse(null);
        return Preferences.prefill(profile, link.contactPoint(), contact, settings,
                statesOf(link.tenant(), Preferences.recordsRead(profile, link.contactPoint())));
    }

    @Override
    public PrivacySignal honourGlobalPrivacyControl(RecipientLink link, Visitor visitor) {
        if (!lookups.settings(link.tenant()).honourGlobalPrivacyControl()) {
            return PrivacySignal.NOT_HONOURED;
        }
        var signal = new GlobalPrivacyControl(profileOf(link), link.contactPoint());
        if (signal.purposes().isEmpty()) {
            return PrivacySignal.NOT_HONOURED; // nothing of the profile is shared with a partner: nothing to say either
        }
        List<ConsentCapture> withdrawals = signal.withdrawals(statesOf(link.tenant(), signal.records()), clock.instant(),
                Source.PREFERENCE_CENTER, Actor.RECIPIENT, evidence(visitor, "preference-center"), visitor.correlationId());
        return new PrivacySignal(true, record(link.tenant(), signal.profile(), withdrawals, visitor));
    }

    @Override
    public PreferencesSaved savePreferences(RecipientLink link, Set<Choice> chosen, String fingerprint, Visitor visitor) {
        Preferences page = preferences(link);
        List<ConsentCapture> captures = page.changesFor(chosen, clock.instant(), evidence(visitor, "preference-center"),
                visitor.correlationId());
        if (!page.fingerprint().equals(fingerprint)) {
            return new PreferencesSaved(Outcome.STALE, page, List.of());
        }
        if (captures.isEmpty()) {
            return new PreferencesSaved(Outcome.UNCHANGED, page, List.of());
        }
        List<ConsentChange> changes = record(link.tenant(), page.profile(), captures, visitor);
        return new PreferencesSaved(Outcome.SAVED, preferences(link), changes);
    }

    @Override
    public SubscriptionCenter subscriptions(RecipientLink link) {
        return subscriptionCenter(link).page();
    }

    @Override
    public SubscriptionsSaved saveSubscriptions(RecipientLink link, LegacyFlags submitted, LegacyFlags shown, Visitor visitor) {
        ReadCenter read = subscriptionCenter(link);
        if (!read.page().shown().equals(shown)) {
            return new SubscriptionsSaved(Outcome.STALE, read.page(), List.of());
        }
        SubscriptionCenter.Writeback writeback = read.page().submit(submitted, read.states(), clock.instant(),
                evidence(visitor, "subscription-center"), visitor.correlationId());
        boolean flagsChange = !writeback.contact().flags().equals(read.page().contact().flags());
        if (writeback.captures().isEmpty() && !flagsChange) {
            return new SubscriptionsSaved(Outcome.UNCHANGED, read.page(), List.of());
        }
        // records first: they are the audited part, and a second submission puts the flags right
        List<ConsentChange> changes = record(link.tenant(), read.page().profile(), writeback.captures(), visitor);
        if (flagsChange) {
            contacts.save(writeback.contact());
        }
        return new SubscriptionsSaved(Outcome.SAVED, subscriptions(link), changes);
    }

    @Override
    public Unsubscription unsubscription(RecipientLink link) {
        return Unsubscription.of(profileOf(link), link.contactPoint(), link.purposeId(), link.topicId());
    }

    @Override
    public Unsubscribed unsubscribe(RecipientLink link, Visitor visitor) {
        Unsubscription unsubscription = unsubscription(link);
        List<ConsentCapture> captures = unsubscription.captures(statesOf(link.tenant(), unsubscription.records()), clock.instant(),
                evidence(visitor, "unsubscribe"), visitor.correlationId());
        return new Unsubscribed(unsubscription, record(link.tenant(), unsubscription.profile(), captures, visitor));
    }

    private record ReadCenter(SubscriptionCenter page, RecordStates states) {
    }

    private ReadCenter subscriptionCenter(RecipientLink link) {
        ComplianceProfile profile = profileOf(link);
        Contact contact = contact(link.tenant(), link.contactId());
        RecordStates states = statesOf(link.tenant(), SubscriptionCenter.recordsRead(profile, contact));
        return new ReadCenter(SubscriptionCenter.prefill(profile, contact, states), states);
    }

    private List<ConsentChange> record(TenantId tenant, ComplianceProfile profile, List<ConsentCapture> captures, Visitor visitor) {
        return recorder.recordAll(tenant, lookups.settings(tenant), captures.stream()
                .map(capture -> new ConfirmingRecorder.Item(profile, capture, visitor.locale()))
                .toList());
    }

    private ComplianceProfile profileOf(RecipientLink link) {
        return lookups.profile(link.tenant(), link.profileId());
    }

    private Contact contact(TenantId tenant, TechnicalId id) {
        return contacts.find(tenant, id).orElseThrow(() -> new DomainRejection.NotFound("contact '" + id + "' does not exist"));
    }

    private RecordStates statesOf(TenantId tenant, Collection<RecordKey> keys) {
        return (keys.isEmpty() ? ConsentRecords.Current.NONE : records.current(tenant, keys)).at(clock.instant(), lookups.settings(tenant));
    }

    private static Evidence evidence(Visitor visitor, String formId) {
        String userAgent = visitor.userAgent();
        if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
            userAgent = userAgent.substring(0, MAX_USER_AGENT);
        }
        return new Evidence(null, formId, visitor.clientAddress(), userAgent);
    }
}
