package org.consentplatform.application.service;

import org.consentplatform.application.port.in.ConsentCenter;
import org.consentplatform.application.port.out.ComplianceProfiles;
import org.consentplatform.application.port.out.ConsentRecords;
import org.consentplatform.application.port.out.Contacts;
import org.consentplatform.application.port.out.Tenants;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.RecordState;
import org.consentplatform.domain.contact.Contact;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.enforcement.Contactability;
import org.consentplatform.domain.enforcement.MessageIntent;
import org.consentplatform.domain.enforcement.RecordStates;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.profile.PurposeType;
import org.consentplatform.domain.profile.Topic;
import org.consentplatform.domain.tenant.TenantId;
import org.consentplatform.domain.tenant.TenantSettings;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a person's grid from one read of every record its cells need, and lets the enforcement
 * policy decide each cell as it would decide the message.
 */
public final class ConsentCenterService implements ConsentCenter {

    private final ConsentRecords records;
    private final Contacts contacts;
    private final ComplianceProfiles profiles;
    private final Lookups lookups;
    private final Clock clock;

    public ConsentCenterService(ConsentRecords records, Contacts contacts, Tenants tenants, ComplianceProfiles profiles, Clock clock) {
        this.records = records;
        this.contacts = contacts;
        this.profiles = profiles;
        this.lookups = new Lookups(tenants, profiles);
        this.clock = clock;
    }

    @Override
    public Person person(TenantId tenant, PersonQuery query) {
        TenantSettings settings = lookups.settings(tenant);
        NamedPerson named = NamedPerson.resolve(tenant, query, settings, contacts);
        Contact contact = named.contact();
        List<ContactPoint> points = named.contactPoints();

        List<ComplianceProfile> all = query.profileId() == null ? profiles.all(tenant) : List.of(lookups.profile(tenant, query.profileId()));
        // every cell's message, laid out once: its records are read together, then each is decided
        var layout = new ArrayList<GridIntents>(all.size());
        Set<RecordKey> keys = new LinkedHashSet<>();
        for (ComplianceProfile profile : all) {
            var rows = new ArrayList<RowIntents>();
            for (Purpose purpose : messagePurposes(profile)) {
                for (Topic topic : rowsOf(purpose)) {
                    List<MessageIntent> intents = points.stream().map(point -> new MessageIntent(profile, purpose, topic, point, contact)).toList();
                    intents.forEach(intent -> keys.addAll(intent.recordsRead()));
                    rows.add(new RowIntents(purpose, topic, intents));
                }
            }
            layout.add(new GridIntents(profile, rows));
        }
        ConsentRecords.Current current = keys.isEmpty() ? ConsentRecords.Current.NONE : records.current(tenant, keys);
        Map<RecordKey, RecordState> read = current.states();
        RecordStates states = current.at(clock.instant(), settings);

        List<ProfileGrid> grids = layout.stream().map(grid -> new ProfileGrid(grid.profile(), grid.rows().stream()
                .map(row -> new Row(row.purpose(), row.topic(), row.intents().stream()
                        .map(intent -> Contactability.of(intent, settings, states, read.get(intent.topicRecord().orElse(intent.purposeRecord()))))
                        .toList()))
                .toList())).toList();
        return new Person(contact, points, grids);
    }

    private record GridIntents(ComplianceProfile profile, List<RowIntents> rows) {
    }

    private record RowIntents(Purpose purpose, Topic topic, List<MessageIntent> intents) {
    }

    private static List<Purpose> messagePurposes(ComplianceProfile profile) {
        return profile.purposes().stream().filter(purpose -> purpose.type() != PurposeType.TRACKING).toList();
    }

    /** The purpose itself (a null topic), then each of its topics. */
    private static List<Topic> rowsOf(Purpose purpose) {
        var rows = new ArrayList<Topic>(purpose.topics().size() + 1);
        rows.add(null);
        rows.addAll(purpose.topics());
        return rows;
    }
}
