package org.consentplatform.domain.enforcement;

import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.RecordState;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.profile.PurposeType;
import org.consentplatform.domain.tenant.TenantSettings;

import java.util.Collection;
import java.util.List;

/**
 * One cell of a person's consent grid: a purpose or topic on one contact point, its record as it
 * stands, and what a message for it would get now, with the reasons. It answers an operator's
 * "why was my journey blocked?" with the same policy that decides the messages.
 *
 * @param record             the cell's own record; null when absent
 * @param recordAlonePermits whether that record, on its own, lets the purpose's messages through
 */
public record Contactability(RecordKey key, PurposeType purposeType, RecordState record, boolean recordAlonePermits,
                             Decision decision) {

    /** Decides the message the cell stands for, against records read for it. */
    public static Contactability of(MessageIntent intent, TenantSettings settings, RecordStates states, RecordState record) {
        RecordKey key = intent.topicRecord().orElse(intent.purposeRecord());
        return new Contactability(key, intent.purpose().type(), record,
                EnforcementPolicy.recordPermits(intent.profile(), key, states), EnforcementPolicy.decide(intent, settings, states));
    }

    /**
     * An opt-in that changes nothing: the record alone would let messages through, yet they are
     * blocked, by the opted-out purpose above the topic, a contact flag or a missing guardian.
     */
    public boolean optInWithoutEffect() {
        return record != null && record.state() == ConsentState.OPTED_IN && recordAlonePermits && !decision.send();
    }

    /** What stops the message; empty when it is sent. */
    public List<Reason> blockingReasons() {
        return decision.reasons().stream().filter(reason -> reason.aspect() == Aspect.MESSAGE && !reason.permits()).toList();
    }

    /** A person is reachable on a channel for commercial messages when some commercial cell there is sent. */
    public static boolean commerciallyReachable(Collection<Contactability> cells, Channel channel) {
        return cells.stream().anyMatch(cell -> cell.purposeType() == PurposeType.COMMERCIAL
                && cell.key().contactPoint().channel().equals(channel) && cell.decision().send());
    }
}
