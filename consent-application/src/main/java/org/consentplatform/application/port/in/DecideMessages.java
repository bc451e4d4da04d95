package org.consentplatform.application.port.in;

import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.RecordState;
import org.consentplatform.domain.contact.Contact;
import org.consentplatform.domain.enforcement.Decision;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.tenant.TenantId;

import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/** Decides, right before sending, whether a message may go out and be tracked. */
public interface DecideMessages {

    Decision decide(TenantId tenant, DecisionQuery query);

    /** A decision with everything it read. */
    Explanation explain(TenantId tenant, DecisionQuery query);

    /** One record the decision read; {@code state} is null when the record is absent. */
    record ConsultedRecord(RecordKey key, RecordState state) {
    }

    record Explanation(Decision decision, List<ConsultedRecord> records, Contact contact,
                       boolean contactLevelConsentChecked) {
    }

    /** One line of a batch: a query, or the reason it could not be read. */
    sealed interface BatchItem {
        long line();

        record Query(long line, DecisionQuery query) implements BatchItem {
        }

        record Unreadable(long line, DomainRejection rejection) implements BatchItem {
        }
    }

    /** The answer to one line, in the order of the lines. */
    sealed interface BatchResult {
        long line();

        record Decided(long line, Decision decision) implements BatchResult {
        }

        record Refused(long line, DomainRejection rejection) implements BatchResult {
        }
    }

    /**
     * Decides a stream of any length, reading and answering in bounded chunks so that nothing
     * holds the whole stream.
     */
    void decideEach(TenantId tenant, Iterator<BatchItem> items, Consumer<BatchResult> results);
}
