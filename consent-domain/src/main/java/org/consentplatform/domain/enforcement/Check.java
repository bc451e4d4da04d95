package org.consentplatform.domain.enforcement;

import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.EnforcementModel;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.contact.Contact;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.profile.PurposeType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The rules of domain rules §2–§5, one constant each; every rule says why it permits or blocks. */
enum Check {

    /**
     * §13: an erased contact point gets no commercial message and no tracking until the person
     * opts in again; what a transactional message owes is left to the other checks.
     */
    ERASURE {
        @Override
        List<Reason> apply(MessageIntent intent, boolean contactLevel, RecordStates states) {
            if (!states.suppressed(intent.contactPoint())) {
                return List.of();
            }
            var reasons = new ArrayList<Reason>(2);
            if (intent.purpose().type() != PurposeType.TRANSACTIONAL) {
                // on the message's own record (a topic's, for a topic): a topic's box on the preference page shows it too
                reasons.add(new Reason(Aspect.MESSAGE, false, ReasonCode.ERASED, intent.topicRecord().orElse(intent.purposeRecord()),
                        null, null, null));
            }
            reasons.add(new Reason(Aspect.TRACKING, false, ReasonCode.ERASED, intent.trackingRecord(), null, null, null));
            return reasons;
        }
    },

    /** §2: the purpose's record under the purpose's model on the channel, and §5's pending block. */
    PURPOSE_CONSENT {
        @Override
        List<Reason> apply(MessageIntent intent, boolean contactLevel, RecordStates states) {
            return List.of(recordCheck(Aspect.MESSAGE, ReasonCode.PURPOSE_CONSENT, intent, intent.purpose(),
                    intent.purposeRecord(), states));
        }
    },

    /** §3: a topic's record under its parent purpose's model; the parent's own check still applies. */
    TOPIC_CONSENT {
        @Override
        List<Reason> apply(MessageIntent intent, boolean contactLevel, RecordStates states) {
            return intent.topicRecord()
                    .map(key -> List.of(recordCheck(Aspect.MESSAGE, ReasonCode.TOPIC_CONSENT, intent, intent.purpose(), key, states)))
                    .orElse(List.of());
        }
    },

    /** §4: the legacy flags of a CONTACT, when the tenant checks them, for email messages. */
    CONTACT_FLAGS {
        @Override
        List<Reason> apply(MessageIntent intent, boolean contactLevel, RecordStates states) {
            if (!contactLevel || !intent.contactPoint().channel().equals(Channel.EMAIL)) {
                return List.of();
            }
            Contact contact = intent.contact();
            if (contact == null) {
                return List.of(notGiven(Aspect.MESSAGE));
            }
            if (!contact.carriesLegacyFlags()) {
                return List.of();
            }
            var reasons = new ArrayList<Reason>();
            reasons.add(flag(Aspect.MESSAGE, "doNotEmail", contact.flags().doNotEmail()));
            if (intent.purpose().type() == PurposeType.COMMERCIAL) {
                reasons.add(flag(Aspect.MESSAGE, "doNotBulkEmail", contact.flags().doNotBulkEmail()));
            }
            return reasons;
        }
    },

    /** §2 and §4: tracking reads the profile's TRACKING purpose, and a CONTACT's doNotTrack. */
    TRACKING {
        @Override
        List<Reason> apply(MessageIntent intent, boolean contactLevel, RecordStates states) {
            Purpose tracking = intent.profile().trackingPurpose();
            Channel channel = intent.contactPoint().channel();
            if (tracking.modelFor(channel).isEmpty()) {
                return List.of(new Reason(Aspect.TRACKING, false, ReasonCode.TRACKING_NOT_APPLICABLE, intent.trackingRecord(),
                        null, null, null));
            }
            var reasons = new ArrayList<Reason>();
            reasons.add(recordCheck(Aspect.TRACKING, ReasonCode.TRACKING_CONSENT, intent, tracking, intent.trackingRecord(), states));
            Contact contact = intent.contact();
            if (contactLevel && contact == null) {
                reasons.add(notGiven(Aspect.TRACKING));
            } else if (contactLevel && contact.carriesLegacyFlags()) {
                reasons.add(flag(Aspect.TRACKING, "doNotTrack", contact.flags().doNotTrack()));
            }
            return reasons;
        }
    };

    abstract List<Reason> apply(MessageIntent intent, boolean contactLevel, RecordStates states);

    private static Reason recordCheck(Aspect aspect, ReasonCode code, MessageIntent intent, Purpose modelOwner,
                                      RecordKey key, RecordStates states) {
        Channel channel = intent.contactPoint().channel();
        ConsentState state = states.stateOf(key);
        Optional<EnforcementModel> model = modelOwner.modelFor(channel);
        if (model.isEmpty()) {
            throw new IllegalStateException("purpose " + modelOwner.id() + " has no model on " + channel);
        }
        if (pendingBlocks(intent.profile(), modelOwner, channel, state)) {
            return new Reason(aspect, false, ReasonCode.PENDING_CONFIRMATION, key, model.get(), state, null);
        }
        if (expired(modelOwner, key, states)) {
            return new Reason(aspect, model.get().permits(null), ReasonCode.CONSENT_EXPIRED, key, model.get(), state, null);
        }
        if (states.minorWithoutGuardian(key)) {
            return new Reason(aspect, model.get().permits(null), ReasonCode.MINOR_WITHOUT_GUARDIAN, key, model.get(), state, null);
        }
        if (superseded(intent.profile(), key, states)) {
            return new Reason(aspect, model.get().permits(null), ReasonCode.NOTICE_SUPERSEDED, key, model.get(), state, null);
        }
        return new Reason(aspect, model.get().permits(state), code, key, model.get(), state, null);
    }

    static boolean recordPermits(ComplianceProfile profile, Purpose modelOwner, RecordKey key, RecordStates states) {
        return statePermits(profile, modelOwner, key.contactPoint().channel(), counted(profile, modelOwner, key, states));
    }

    /** Whether a record counted as {@code state} (null: absent) lets {@code modelOwner}'s messages through on the channel. */
    static boolean statePermits(ComplianceProfile profile, Purpose modelOwner, Channel channel, ConsentState state) {
        return modelOwner.modelFor(channel).map(model -> model.permits(state)).orElse(false)
                && !pendingBlocks(profile, modelOwner, channel, state);
    }

    /**
     * The state the models read: an expired opt-in (§10), a minor's without a guardian (§12), or
     * one given under a notice a material version superseded (§15) counts as absent.
     */
    static ConsentState counted(ComplianceProfile profile, Purpose modelOwner, RecordKey key, RecordStates states) {
        return expired(modelOwner, key, states) || states.minorWithoutGuardian(key) || superseded(profile, key, states) ? null
                : states.stateOf(key);
    }

    private static boolean superseded(ComplianceProfile profile, RecordKey key, RecordStates states) {
        return profile.noticeSupersedes(key, states.recordState(key), states.now());
    }

    /** An opt-in past its lifetime, whether or not the expiry job has written it down yet. */
    private static boolean expired(Purpose modelOwner, RecordKey key, RecordStates states) {
        return states.endedByExpiry(key) || states.stateOf(key) == ConsentState.OPTED_IN
                && modelOwner.lifetime().expired(states.capturedAt(key), states.now());
    }

    private static boolean pendingBlocks(ComplianceProfile profile, Purpose modelOwner, Channel channel, ConsentState state) {
        return state == ConsentState.PENDING_CONFIRMATION && profile.requiresDoubleOptIn(modelOwner, channel);
    }

    private static Reason flag(Aspect aspect, String flag, boolean set) {
        return new Reason(aspect, !set, ReasonCode.CONTACT_FLAG, null, null, null, flag);
    }

    private static Reason notGiven(Aspect aspect) {
        return new Reason(aspect, true, ReasonCode.CONTACT_NOT_GIVEN, null, null, null, null);
    }
}
