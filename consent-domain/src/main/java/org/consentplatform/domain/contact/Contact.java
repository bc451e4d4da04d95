package org.consentplatform.domain.contact;

import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InvalidInputs;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * A person record of the customer's CRM (contact, lead or customer-data profile) with the
 * contact points it owns. A CRM sends the legacy flags for leads and profiles too (Dynamics
 * carries them on every entity): they are stored as given and never read (domain rules §1, §4).
 */
public record Contact(TenantId tenant, TechnicalId id, EntityType type, LegacyFlags flags, List<ContactPoint> contactPoints) {

    public Contact {
        InvalidInputs.requireNonNull("tenant", tenant);
        InvalidInputs.requireNonNull("id", id);
        InvalidInputs.requireNonNull("entityType", type);
        flags = flags == null ? LegacyFlags.NONE : flags;
        // the same address given twice (after normalisation) is kept once
        contactPoints = List.copyOf(new LinkedHashSet<>(contactPoints == null ? List.of() : contactPoints));
        if (contactPoints.size() > 100) {
            throw DomainRejection.InvalidInput.of("contactPoints", "must be at most 100");
        }
    }

    /** Whether the legacy flags take part in decisions, pages and dry runs: for contacts only (domain rules §4). */
    public boolean carriesLegacyFlags() {
        return type == EntityType.CONTACT;
    }
}
