package org.consentplatform.adapter.in.kafka;

/** An inbound message that no retry can make processable: it goes to the dead-letter topic. */
final class UnprocessableEvent extends RuntimeException {

    UnprocessableEvent(String reason, Throwable cause) {
        super(reason, cause);
    }
}
