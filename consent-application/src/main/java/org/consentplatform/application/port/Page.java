package org.consentplatform.application.port;

import java.util.List;

/** One page of a longer list; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {
}
