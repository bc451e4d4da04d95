package org.consentplatform.domain.enforcement;

import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.RecordKey;

/** The current state of the records a decision reads; null for an absent record. */
@FunctionalInterface
public interface RecordStates {

    ConsentState stateOf(RecordKey key);
}
