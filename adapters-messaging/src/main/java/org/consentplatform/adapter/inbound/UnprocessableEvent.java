package org.consentplatform.adapter.inbound;

/**
 * An inbound message that no retry can make processable: from Kafka it goes to the dead-letter
 * topic, over HTTP it is answered 400.
 */
public final class UnprocessableEvent extends RuntimeException {

    public UnprocessableEvent(String reason, Throwable cause) {
        super(reason, cause);
    }
}
