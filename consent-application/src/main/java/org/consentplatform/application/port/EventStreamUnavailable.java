package org.consentplatform.application.port;

/**
 * The event stream did not acknowledge an event that must reach other systems before the
 * operation may go on (an erasure tells them first, while it still knows the address). Nothing
 * was changed; the caller retries shortly.
 */
public final class EventStreamUnavailable extends RuntimeException {

    public EventStreamUnavailable(String reason) {
        super("the event stream is unavailable: " + reason);
    }
}
