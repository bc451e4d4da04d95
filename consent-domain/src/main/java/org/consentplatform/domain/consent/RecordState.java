package org.consentplatform.domain.consent;

import java.time.Instant;

/** A record's state as set by its latest applied change. */
public record RecordState(ConsentState state, Instant capturedAt, Source source, Evidence evidence) {
}
