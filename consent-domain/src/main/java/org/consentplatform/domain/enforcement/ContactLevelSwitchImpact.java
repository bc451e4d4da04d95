package org.consentplatform.domain.enforcement;

import org.consentplatform.domain.contact.Contact;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.profile.PurposeType;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantSettings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What turning the tenant's {@code checkContactLevelConsent} switch (§4) on or off would do (a
 * dry run): each email contact point of a CONTACT that has a legacy flag set, decided for every
 * message purpose of every profile under the setting now and under the other, counted by how it
 * flips, with a sample. Only such contacts can flip: without a set flag, or for leads and
 * profiles, the switch changes no decision. Decisions are taken whole, records, lifetimes and
 * minors included, so a contact point whose records block anyway does not count as a flip.
 */
public final class ContactLevelSwitchImpact {

    /** Contact points named in the answer, at most. */
    public static final int SAMPLE_SIZE = 20;

    /** The figures of one message purpose (or of tracking, under the profile's TRACKING purpose). */
    public record Line(TechnicalId profileId, TechnicalId purposeId, Aspect aspect) {
    }

    /** One decision that flips. */
    public record Flip(TechnicalId contactId, ContactPoint contactPoint, Line line, boolean permittedBefore) {
    }

    /** How many decisions of a line flip each way. */
    public record Counts(long sendToBlock, long blockToSend) {
        static final Counts NONE = new Counts(0, 0);

        Counts plus(boolean permittedBefore) {
            return permittedBefore ? new Counts(sendToBlock + 1, blockToSend) : new Counts(sendToBlock, blockToSend + 1);
        }
    }

    private final TenantSettings before;
    private final TenantSettings after;
    private final List<ComplianceProfile> profiles;
    private final Map<Line, Counts> counts = new TreeMap<>(Comparator.comparing((Line l) -> l.profileId().value())
            .thenComparing(l -> l.purposeId().value()).thenComparing(Line::aspect));
    private final List<Flip> sample = new ArrayList<>();
    private long contacts;

    private ContactLevelSwitchImpact(TenantSettings before, boolean switchedTo, List<ComplianceProfile> profiles) {
        this.before = before;
        this.after = before.withContactLevelConsent(switchedTo);
        this.profiles = List.copyOf(profiles);
    }

    public static ContactLevelSwitchImpact of(TenantSettings current, boolean checkContactLevelConsent, List<ComplianceProfile> profiles) {
        return new ContactLevelSwitchImpact(current, checkContactLevelConsent, profiles);
    }

    /** Whether the switch changes anything at all; when it does not, there is nothing to read. */
    public boolean changesTheSetting() {
        return before.checkContactLevelConsent() != after.checkContactLevelConsent();
    }

    /** Whether this contact could flip at all: a CONTACT with a legacy flag set. */
    public static boolean couldFlip(Contact contact) {
        return contact.carriesLegacyFlags() && contact.flags().any();
    }

    /** The contact points of a contact whose decisions the switch can change: its email addresses (§4 checks email only). */
    public static List<ContactPoint> contactPointsDecided(Contact contact) {
        return contact.contactPoints().stream().filter(contactPoint -> contactPoint.channel().equals(Channel.EMAIL)).toList();
    }

    /** Counts one contact, with the records of its {@link #contactPointsDecided} as they stand. */
    public void count(Contact contact, RecordStates states) {
        if (!couldFlip(contact)) {
            return;
        }
        contacts++;
        for (ContactPoint contactPoint : contactPointsDecided(contact)) {
            profiles.forEach(profile -> count(contact, contactPoint, profile, states));
        }
    }

    private void count(Contact contact, ContactPoint contactPoint, ComplianceProfile profile, RecordStates states) {
        boolean trackingCounted = false;
        for (Purpose purpose : profile.purposes()) {
            if (purpose.type() == PurposeType.TRACKING || purpose.modelFor(Channel.EMAIL).isEmpty()) {
                continue;
            }
            MessageIntent intent = MessageIntent.resolve(profile, purpose.id(), null, contactPoint, contact);
            Decision was = EnforcementPolicy.decide(intent, before, states);
            Decision would = EnforcementPolicy.decide(intent, after, states);
            tally(contact, contactPoint, new Line(profile.id(), purpose.id(), Aspect.MESSAGE), was.send(), would.send());
            if (!trackingCounted) {
                // tracking reads the same records and flags whichever message it goes with: counted once per profile
                tally(contact, contactPoint, new Line(profile.id(), profile.trackingPurpose().id(), Aspect.TRACKING),
                        was.track(), would.track());
                trackingCounted = true;
            }
        }
    }

    private void tally(Contact contact, ContactPoint contactPoint, Line line, boolean permittedBefore, boolean permittedAfter) {
        if (permittedBefore == permittedAfter) {
            return;
        }
        counts.put(line, counts.getOrDefault(line, Counts.NONE).plus(permittedBefore));
        if (sample.size() < SAMPLE_SIZE) {
            sample.add(new Flip(contact.id(), contactPoint, line, permittedBefore));
        }
    }

    public boolean from() {
        return before.checkContactLevelConsent();
    }

    public boolean to() {
        return after.checkContactLevelConsent();
    }

    /** CONTACTs with a legacy flag set that were read. */
    public long contacts() {
        return contacts;
    }

    /** Per line with any flip, the flips each way. */
    public Map<Line, Counts> counts() {
        return Collections.unmodifiableMap(counts);
    }

    public List<Flip> sample() {
        return List.copyOf(sample);
    }

    /** The sample's contact points, as read (by pseudonym: the store decrypts nothing while counting). */
    public Set<ContactPoint> sampleContactPoints() {
        return sample.stream().map(Flip::contactPoint).collect(Collectors.toSet());
    }

    /** Names the sample's contact points by the addresses read back for them (an erased one stays withheld). */
    public void name(Map<ContactPoint, ContactPoint> addresses) {
        sample.replaceAll(flip -> new Flip(flip.contactId(), addresses.getOrDefault(flip.contactPoint(), flip.contactPoint()),
                flip.line(), flip.permittedBefore()));
    }
}
