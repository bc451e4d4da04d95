package org.consentplatform.domain.report;

import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.RecordState;

import java.util.Optional;

/** The states a report counts records in: a record's own, or EXPIRED once an EXPIRY change ended its opt-in. */
public enum CountedState {
    OPTED_IN, OPTED_OUT, PENDING_CONFIRMATION, EXPIRED;

    /** Empty for an absent record, which no report counts. */
    public static Optional<CountedState> of(RecordState state) {
        if (state == null) {
            return Optional.empty();
        }
        if (state.expired()) {
            return Optional.of(EXPIRED);
        }
        return Optional.ofNullable(state.state()).map(s -> valueOf(s.name()));
    }

    /** The state the enforcement models read: an expired record reads as absent (§10). */
    public ConsentState asRead() {
        return this == EXPIRED ? null : ConsentState.valueOf(name());
    }
}
