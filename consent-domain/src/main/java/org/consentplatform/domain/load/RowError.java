package org.consentplatform.domain.load;

/** One reason a row of a load was rejected, as the error report shows it. */
public record RowError(long line, String field, String reason) {
}
