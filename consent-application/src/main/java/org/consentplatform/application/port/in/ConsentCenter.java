package org.consentplatform.application.port.in;

import org.consentplatform.domain.contact.Contact;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.contactpoint.RawContactPoint;
import org.consentplatform.domain.enforcement.Contactability;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.profile.Topic;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.util.List;

/**
 * One person as an operator sees them: every contact point and, per compliance profile, each
 * purpose and topic beside what a message for it would get now.
 */
public interface ConsentCenter {

    /**
     * Whom to show: a CRM contact by id, or contact points as callers write them (normalised by the
     * tenant's rules), such as one phone number on SMS and on voice.
     *
     * @param profileId the one profile to show; null: every profile of the tenant
     */
    record PersonQuery(TechnicalId contactId, List<RawContactPoint> contactPoints, TechnicalId profileId) {

        /** As many as a contact may hold: each costs reads. */
        public static final int MAX_CONTACT_POINTS = 100;

        public PersonQuery {
            contactPoints = contactPoints == null ? List.of() : List.copyOf(contactPoints);
            if ((contactId == null) == contactPoints.isEmpty()) {
                throw DomainRejection.InvalidInput.of("person", "name either a contact id or contact points");
            }
            if (contactPoints.size() > MAX_CONTACT_POINTS) {
                throw DomainRejection.InvalidInput.of("contactPoints", "must be at most " + MAX_CONTACT_POINTS);
            }
        }

        public static PersonQuery contact(TechnicalId contactId) {
            return new PersonQuery(contactId, List.of(), null);
        }

        public static PersonQuery contactPoints(List<RawContactPoint> contactPoints) {
            return new PersonQuery(null, contactPoints, null);
        }

        public PersonQuery inProfile(TechnicalId profile) {
            return new PersonQuery(contactId, contactPoints, profile);
        }
    }

    /** A purpose, or one of its topics ({@code topic} set), with one cell per contact point of the person, in their order. */
    record Row(Purpose purpose, Topic topic, List<Contactability> cells) {
    }

    /** The message purposes of one profile; its tracking purpose shows as each cell's tracking verdict. */
    record ProfileGrid(ComplianceProfile profile, List<Row> rows) {
    }

    /** @param contact null when the person was looked up by contact points */
    record Person(Contact contact, List<ContactPoint> contactPoints, List<ProfileGrid> profiles) {

        /** Whether the person has a contact point on the channel at all. */
        public boolean hasContactPointOn(Channel channel) {
            return contactPoints.stream().anyMatch(point -> point.channel().equals(channel));
        }

        /** Whether some commercial message of some profile would reach the person on the channel now. */
        public boolean commerciallyReachable(Channel channel) {
            return Contactability.commerciallyReachable(profiles.stream().flatMap(grid -> grid.rows().stream())
                    .flatMap(row -> row.cells().stream()).toList(), channel);
        }
    }

    Person person(TenantId tenant, PersonQuery query);
}
