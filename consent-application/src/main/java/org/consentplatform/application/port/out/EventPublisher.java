package org.consentplatform.application.port.out;

import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.TenantCheckpoint;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.sms.SmsReceived;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** The event stream other systems read: consent changes, tenant checkpoints, double opt-in requests, SMS replies and erasures. */
public interface EventPublisher {

    /**
     * Sends the changes in the given order, a record's changes in order; the result completes
     * once the broker acknowledged them all, or failed or timed out on some. It never completes
     * exceptionally.
     *
     * @return the ids of the changes the broker acknowledged, with the first failure if any
     */
    CompletableFuture<Outcome> publish(List<ChangeOutbox.Entry> changes);

    record Outcome(Set<String> acknowledged, String failure) {
    }

    /** @throws IllegalStateException when the broker did not acknowledge it */
    void publish(TenantCheckpoint checkpoint);

    /**
     * A double opt-in link was issued (a {@code doi.requested} event).
     *
     * @param mail what the confirmation mail says; its link is null unless an external sender delivers it
     */
    record ConfirmationRequested(String requestId, TenantId tenant, RecordKey key, long pendingSeq, Instant requestedAt,
                                 ConfirmationMails.ConfirmationMail mail) {
    }

    /**
     * Hands the event to the broker without making the caller wait for it.
     *
     * @return completes when the broker acknowledged it, exceptionally when it did not
     */
    CompletableFuture<Void> publish(ConfirmationRequested requested);

    /**
     * Sends the reply to a text (§14, an {@code sms.reply} event for the SMS provider to deliver)
     * and waits for the broker to acknowledge it.
     *
     * @throws org.consentplatform.application.port.EventStreamUnavailable when it did not
     */
    void reply(SmsReceived.Reply reply);

    /**
     * A contact point was erased (§13): an {@code erasure} event, keyed like the contact point's
     * changes, tells downstream systems to erase it too. It carries the address, which is why it
     * is sent before the platform destroys its own copy.
     */
    record Erased(String erasureId, TenantId tenant, ContactPoint contactPoint, Instant erasedAt, String legalReference) {
    }

    /**
     * Sends the erasure events and waits for the broker to acknowledge them all.
     *
     * @throws org.consentplatform.application.port.EventStreamUnavailable when it did not
     */
    void announce(List<Erased> erasures);
}
