package org.consentplatform.application.port;

import java.time.Instant;

/**
 * What can be said of a tenant's key-encryption key (ADR 40), never key material.
 *
 * @param primaryKeyId the key that wraps new data keys
 * @param keys         how many keys the keyset holds: every earlier primary still unwraps what it wrapped
 * @param rotations    how many times it was rotated
 * @param rotatedAt    when it last was, null never
 */
public record KeyringStatus(long primaryKeyId, int keys, long rotations, Instant rotatedAt) {
}
