package org.consentplatform.domain.preference;

import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.EnforcementModel;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.contact.Contact;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.enforcement.Aspect;
import org.consentplatform.domain.enforcement.Decision;
import org.consentplatform.domain.enforcement.EnforcementPolicy;
import org.consentplatform.domain.enforcement.MessageIntent;
import org.consentplatform.domain.enforcement.Reason;
import org.consentplatform.domain.enforcement.RecordStates;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.profile.PurposeType;
import org.consentplatform.domain.profile.Topic;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.tenant.TenantSettings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A contact point's preference page in one profile (domain rules §8): every purpose that
 * applies on its channel, with its topics, each pre-filled as the enforcement policy would
 * decide right now. A box is ticked when its own record lets a message through (for the
 * TRACKING purpose: lets tracking through), together with the contact's flags when the page
 * is for a CONTACT and the tenant checks them; a topic's box shows the topic's own record, so
 * that leaving it alone never changes it. A purpose whose model on the channel is DISABLED
 * cannot be refused there: it is shown, fixed, without a box.
 */
public record Preferences(ComplianceProfile profile, ContactPoint contactPoint, Contact contact, List<Item> items) {

    /** A purpose on the page with its topics. */
    public record Item(Purpose purpose, boolean chosen, boolean fixed, List<TopicItem> topics) {
        public Choice choice() {
            return new Choice(purpose.id(), null);
        }
    }

    /** A topic on the page. */
    public record TopicItem(Purpose purpose, Topic topic, boolean chosen, boolean fixed) {
        public Choice choice() {
            return new Choice(purpose.id(), topic.id());
        }
    }

    public Preferences {
        items = List.copyOf(items);
    }

    /** The records the page reads for a contact point: every purpose and topic that applies on its channel. */
    public static List<RecordKey> recordsRead(ComplianceProfile profile, ContactPoint contactPoint) {
        var keys = new ArrayList<RecordKey>();
        for (Purpose purpose : applicable(profile, contactPoint)) {
            keys.add(RecordKey.ofPurpose(profile.id(), contactPoint, purpose.id()));
            purpose.topics().forEach(topic -> keys.add(new RecordKey(profile.id(), contactPoint, purpose.id(), topic.id())));
        }
        return keys;
    }

    /**
     * Pre-fills the page.
     *
     * @param contact the person the link was made for, or null; only a CONTACT's flags count
     */
    public static Preferences prefill(ComplianceProfile profile, ContactPoint contactPoint, Contact contact,
                                      TenantSettings settings, RecordStates states) {
        var items = new ArrayList<Item>();
        for (Purpose purpose : applicable(profile, contactPoint)) {
            boolean fixed = purpose.modelFor(contactPoint.channel()).orElseThrow() == EnforcementModel.DISABLED;
            boolean chosen = purpose.type() == PurposeType.TRACKING
                    ? EnforcementPolicy.decide(MessageIntent.forTracking(profile, contactPoint, contact), settings, states).track()
                    : decide(profile, purpose, null, contactPoint, contact, settings, states).send();
            var topics = purpose.topics().stream()
                    .map(topic -> new TopicItem(purpose, topic,
                            topicPermits(decide(profile, purpose, topic, contactPoint, contact, settings, states),
                                    RecordKey.ofPurpose(profile.id(), contactPoint, purpose.id())), fixed))
                    .toList();
            items.add(new Item(purpose, chosen, fixed, topics));
        }
        return new Preferences(profile, contactPoint, contact, items);
    }

    /** Every box the page shows, ticked or not. */
    public Stream<Choice> choices() {
        return items.stream().flatMap(item -> Stream.concat(Stream.of(item.choice()), item.topics().stream().map(TopicItem::choice)));
    }

    /** The boxes shown ticked. */
    public Set<Choice> chosen() {
        var chosen = new LinkedHashSet<Choice>();
        for (Item item : items) {
            if (item.chosen()) {
                chosen.add(item.choice());
            }
            item.topics().stream().filter(TopicItem::chosen).forEach(topic -> chosen.add(topic.choice()));
        }
        return chosen;
    }

    /**
     * A short digest of what the page shows. The form sends it back, so a submission made on a
     * page that no longer matches the records (they changed meanwhile) is noticed, not applied.
     */
    public String fingerprint() {
        Set<Choice> chosen = chosen();
        var text = new StringBuilder();
        choices().forEach(choice -> text.append(choice).append('=').append(chosen.contains(choice)).append(';'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What submitting the page writes: a change for each box the person turned on or off,
     * nothing for the boxes left as shown, nothing for fixed purposes.
     *
     * @param submitted the boxes ticked on submission; a box the page does not show is refused
     */
    public List<ConsentCapture> changesFor(Set<Choice> submitted, Instant at, Evidence evidence, String correlationId) {
        Set<Choice> shown = new HashSet<>(choices().toList());
        for (Choice choice : submitted) {
            if (!shown.contains(choice)) {
                throw DomainRejection.InvalidInput.of("choice", "'" + choice + "' is not on this page");
            }
        }
        Set<Choice> before = chosen();
        var captures = new ArrayList<ConsentCapture>();
        for (Item item : items) {
            if (item.fixed()) {
                continue;
            }
            Stream.concat(Stream.of(item.choice()), item.topics().stream().map(TopicItem::choice))
                    .filter(choice -> before.contains(choice) != submitted.contains(choice))
                    .forEach(choice -> captures.add(new ConsentCapture(choice.recordKey(profile.id(), contactPoint),
                            submitted.contains(choice) ? ConsentState.OPTED_IN : ConsentState.OPTED_OUT, at,
                            Source.PREFERENCE_CENTER, Actor.RECIPIENT, evidence, correlationId)));
        }
        return captures;
    }

    /** Purposes with a model on the contact point's channel, in the profile's order. */
    private static List<Purpose> applicable(ComplianceProfile profile, ContactPoint contactPoint) {
        return profile.purposes().stream().filter(p -> p.modelFor(contactPoint.channel()).isPresent()).toList();
    }

    private static Decision decide(ComplianceProfile profile, Purpose purpose, Topic topic, ContactPoint contactPoint,
                                   Contact contact, TenantSettings settings, RecordStates states) {
        return EnforcementPolicy.decide(new MessageIntent(profile, purpose, topic, contactPoint, contact), settings, states);
    }

    /** A topic's own box: every message check but those of its parent purpose's record (consent, pending, expiry). */
    private static boolean topicPermits(Decision decision, RecordKey parent) {
        return decision.reasons().stream()
                .filter(reason -> reason.aspect() == Aspect.MESSAGE && !parent.equals(reason.record()))
                .allMatch(Reason::permits);
    }
}
