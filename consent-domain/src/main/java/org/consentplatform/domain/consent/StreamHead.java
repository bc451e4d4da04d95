package org.consentplatform.domain.consent;

/** The newest entry of one record's hash chain: its position and hash. */
public record StreamHead(RecordKey key, long seq, String hash) {
}
