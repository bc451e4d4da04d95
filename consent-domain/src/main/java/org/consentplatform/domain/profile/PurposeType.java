package org.consentplatform.domain.profile;

import org.consentplatform.domain.consent.EnforcementModel;
import org.consentplatform.domain.contactpoint.Channel;

import java.util.Optional;

import static org.consentplatform.domain.consent.EnforcementModel.DISABLED;
import static org.consentplatform.domain.consent.EnforcementModel.NON_RESTRICTIVE;
import static org.consentplatform.domain.consent.EnforcementModel.RESTRICTIVE;

/** Why a message is sent, with the default models of domain rules §2. */
public enum PurposeType {
    COMMERCIAL(LegalBasis.CONSENT) {
        @Override
        public Optional<EnforcementModel> defaultModel(Channel channel) {
            return Optional.of(channel.equals(Channel.EMAIL) || channel.equals(Channel.POSTAL) ? NON_RESTRICTIVE : RESTRICTIVE);
        }
    },
    TRANSACTIONAL(LegalBasis.CONTRACT) {
        @Override
        public Optional<EnforcementModel> defaultModel(Channel channel) {
            return Optional.of(DISABLED);
        }
    },
    /** Open and click tracking: by default only on email, restrictive (privacy by default). */
    TRACKING(LegalBasis.CONSENT) {
        @Override
        public Optional<EnforcementModel> defaultModel(Channel channel) {
            return channel.equals(Channel.EMAIL) ? Optional.of(RESTRICTIVE) : Optional.empty();
        }
    };

    private final LegalBasis defaultLegalBasis;

    PurposeType(LegalBasis defaultLegalBasis) {
        this.defaultLegalBasis = defaultLegalBasis;
    }

    /** The model a new purpose of this type gets on a channel; empty where the type does not apply. */
    public abstract Optional<EnforcementModel> defaultModel(Channel channel);

    public LegalBasis defaultLegalBasis() {
        return defaultLegalBasis;
    }
}
