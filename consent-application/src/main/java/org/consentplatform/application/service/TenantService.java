package org.consentplatform.application.service;

import org.consentplatform.application.port.in.ManageTenants;
import org.consentplatform.application.port.out.ComplianceProfiles;
import org.consentplatform.application.port.out.ConsentHistory;
import org.consentplatform.application.port.out.ConsentRecords;
import org.consentplatform.application.port.out.Contacts;
import org.consentplatform.application.port.out.Tenants;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.RecordState;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.enforcement.ContactLevelSwitchImpact;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.consentplatform.domain.tenant.TenantSettings;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public final class TenantService implements ManageTenants {

    private final Tenants tenants;
    private final Contacts contacts;
    private final ConsentRecords records;
    private final ComplianceProfiles profiles;
    private final ConsentHistory history;
    private final Clock clock;

    public TenantService(Tenants tenants, Contacts contacts, ConsentRecords records, ComplianceProfiles profiles, ConsentHistory history,
                         Clock clock) {
        this.tenants = tenants;
        this.contacts = contacts;
        this.records = records;
        this.profiles = profiles;
        this.history = history;
        this.clock = clock;
    }

    @Override
    public TenantSettings settings(TenantId tenant) {
        return tenants.inForce(tenant);
    }

    @Override
    public TenantSettings configure(TenantId tenant, TenantSettings settings) {
        tenants.save(tenant, settings);
        return settings;
    }

    @Override
    public ContactLevelSwitchImpact dryRunContactLevelConsent(TenantId tenant, boolean checkContactLevelConsent, TechnicalId profileId) {
        TenantSettings settings = tenants.inForce(tenant);
        List<ComplianceProfile> decidedFor = profileId == null ? profiles.all(tenant) : List.of(profiles.require(tenant, profileId));
        var impact = ContactLevelSwitchImpact.of(settings, checkContactLevelConsent, decidedFor);
        if (!impact.changesTheSetting()) {
            return impact;
        }
        Instant now = clock.instant();
        contacts.withLegacyFlagsSet(tenant, contact -> {
            var states = new HashMap<RecordKey, RecordState>();
            List<ContactPoint> decided = ContactLevelSwitchImpact.contactPointsDecided(contact);
            for (ContactPoint contactPoint : decided) {
                records.ofContactPoint(tenant, contactPoint).forEach(record -> record.current()
                        .ifPresent(state -> states.put(record.key(), state)));
            }
            // an erased contact point has no contact left to list: no suppression to read
            impact.count(contact, new ConsentRecords.Current(states, Map.of(), contacts.minorFlags(tenant, decided)).at(now, settings));
        });
        // contacts are read by pseudonym, nothing decrypted while counting: only the sample is named
        impact.name(history.disclose(tenant, impact.sampleContactPoints()));
        return impact;
    }
}
