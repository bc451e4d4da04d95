package org.consentplatform.domain.shared;

/** One offending input: which field (or line) and why. */
public record Violation(String field, String reason) {
}
