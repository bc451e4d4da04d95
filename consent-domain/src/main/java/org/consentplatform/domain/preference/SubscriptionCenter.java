package org.consentplatform.domain.preference;

import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.contact.Contact;
import org.consentplatform.domain.contact.LegacyFlags;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.enforcement.EnforcementPolicy;
import org.consentplatform.domain.enforcement.RecordStates;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.profile.PurposeType;
import org.consentplatform.domain.shared.DomainRejection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A contact's subscription center in one profile (domain rules §7): the three legacy flags,
 * pre-filled from the contact and from the records of every one of its email addresses, and
 * written back to both.
 *
 * @param shown each flag as the page shows it: set means "blocked"
 */
public record SubscriptionCenter(ComplianceProfile profile, Contact contact, LegacyFlags shown) {

    /** What submitting writes: the contact with its new flags, and the records that must change. */
    public record Writeback(Contact contact, List<ConsentCapture> captures) {
    }

    public SubscriptionCenter {
        if (!contact.carriesLegacyFlags()) {
            throw new DomainRejection.RuleViolation("subscription-center-for-contacts",
                    "the subscription center shows the legacy flags of a CONTACT; contact '" + contact.id() + "' is a "
                            + contact.type() + ": use its preference page");
        }
    }

    /** Every purpose record of every email address of the contact. */
    public static List<RecordKey> recordsRead(ComplianceProfile profile, Contact contact) {
        var keys = new ArrayList<RecordKey>();
        for (ContactPoint address : emailAddresses(contact)) {
            profile.purposes().forEach(purpose -> keys.add(RecordKey.ofPurpose(profile.id(), address, purpose.id())));
        }
        return keys;
    }

    /**
     * Pre-fills the flags: a flag shows "blocked" when the contact has it set, or when a purpose
     * of its type will not send (TRACKING: will not track) for any of the contact's email addresses.
     */
    public static SubscriptionCenter prefill(ComplianceProfile profile, Contact contact, RecordStates states) {
        LegacyFlags flags = contact.flags();
        return new SubscriptionCenter(profile, contact, new LegacyFlags(
                flags.doNotEmail() || anyRefuses(profile, contact, PurposeType.TRANSACTIONAL, states),
                flags.doNotBulkEmail() || anyRefuses(profile, contact, PurposeType.COMMERCIAL, states),
                flags.doNotTrack() || anyRefuses(profile, contact, PurposeType.TRACKING, states)));
    }

    /**
     * The write-back table of §7, for every email address of the contact. A record already in
     * the state the table asks for is left alone (an expired opt-in is not: it is renewed), and so is an opt-in still waiting for its
     * double opt-in confirmation when the table asks for an opt-in: its mail is out already.
     *
     * @param submitted the flags as the person set them: set means "blocked"
     * @param states    the records now
     */
    public Writeback submit(LegacyFlags submitted, RecordStates states, Instant at, Evidence evidence, String correlationId) {
        var captures = new ArrayList<ConsentCapture>();
        for (ContactPoint address : emailAddresses(contact)) {
            for (Purpose purpose : profile.purposes()) {
                boolean allowed = switch (purpose.type()) {
                    case COMMERCIAL -> !submitted.doNotBulkEmail() && !submitted.doNotEmail();
                    case TRANSACTIONAL -> !submitted.doNotEmail();
                    case TRACKING -> !submitted.doNotTrack();
                };
                RecordKey key = RecordKey.ofPurpose(profile.id(), address, purpose.id());
                ConsentState now = EnforcementPolicy.countedState(profile, key, states);
                ConsentState wanted = allowed ? ConsentState.OPTED_IN : ConsentState.OPTED_OUT;
                boolean waitsForConfirmation = allowed && now == ConsentState.PENDING_CONFIRMATION;
                if (now != wanted && !waitsForConfirmation) {
                    captures.add(new ConsentCapture(key, wanted, at, Source.SUBSCRIPTION_CENTER, Actor.RECIPIENT, evidence,
                            correlationId));
                }
            }
        }
        return new Writeback(new Contact(contact.tenant(), contact.id(), contact.type(), submitted, contact.contactPoints()),
                captures);
    }

    /** The records alone decide here: the contact's own flags are read beside them, whatever the tenant's setting. */
    private static boolean anyRefuses(ComplianceProfile profile, Contact contact, PurposeType type, RecordStates states) {
        return emailAddresses(contact).stream().anyMatch(address -> profile.purposes().stream()
                .filter(purpose -> purpose.type() == type && purpose.modelFor(address.channel()).isPresent())
                .map(purpose -> RecordKey.ofPurpose(profile.id(), address, purpose.id()))
                .anyMatch(key -> !EnforcementPolicy.recordPermits(profile, key, states)));
    }

    private static List<ContactPoint> emailAddresses(Contact contact) {
        return contact.contactPoints().stream().filter(point -> point.channel().equals(Channel.EMAIL)).toList();
    }
}
