package org.consentplatform.application.port.out;

import org.consentplatform.domain.contact.Contact;
import org.consentplatform.domain.contact.MinorFlag;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Stored contacts, leads and profiles, and the contact points flagged as minors'. The store holds
 * a contact's points by pseudonym and ciphertext (ADR 37): a contact is read with its addresses
 * only where someone is shown them.
 */
public interface Contacts {

    /** The contact with the addresses of its contact points decrypted (an erased one stays withheld). */
    Optional<Contact> find(TenantId tenant, TechnicalId contactId);

    /** The contacts for decisions: flags and type, their contact points withheld, nothing decrypted. */
    Map<TechnicalId, Contact> findAll(TenantId tenant, Collection<TechnicalId> contactIds);

    void save(Contact contact);

    /** Hands every CONTACT of the tenant with a legacy flag set (§4) to {@code each}, streaming, its contact points withheld. */
    void withLegacyFlagsSet(TenantId tenant, Consumer<Contact> each);

    /** The minor flags of those contact points that have one (§12). */
    Map<ContactPoint, MinorFlag> minorFlags(TenantId tenant, Collection<ContactPoint> contactPoints);

    void saveMinorFlag(TenantId tenant, MinorFlag flag);

    void removeMinorFlag(TenantId tenant, ContactPoint contactPoint);
}
