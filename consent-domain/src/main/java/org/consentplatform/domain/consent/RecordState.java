package org.consentplatform.domain.consent;

import java.time.Instant;

/**
 * A record's state as set by its latest applied change.
 *
 * @param state null once an EXPIRY change ended the opt-in, or an ERASURE change forgot it: the
 *              record counts as absent, and {@code capturedAt} is when that happened (older
 *              captures cannot bring it back)
 */
public record RecordState(ConsentState state, Instant capturedAt, Source source, Evidence evidence) {

    /** The state a record is left in when its opt-in expired at that instant (§10). */
    public static RecordState expiredAt(Instant expiredAt) {
        return new RecordState(null, expiredAt, Source.EXPIRY, Evidence.NONE);
    }

    /** The state a record is left in when its contact point was erased at that instant (§13). */
    public static RecordState erasedAt(Instant erasedAt) {
        return new RecordState(null, erasedAt, Source.ERASURE, Evidence.NONE);
    }

    /** Whether an ERASURE change forgot the record's consent. */
    public boolean erased() {
        return state == null && source == Source.ERASURE;
    }

    /** Whether an EXPIRY change ended the opt-in this record held. */
    public boolean expired() {
        return state == null && source == Source.EXPIRY;
    }
}
