package org.consentplatform.application.service;

import org.consentplatform.application.port.out.ConsentRecords;
import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentRecord;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.Rejection;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Appends a capture to its record's change log, however many writers race for the record. */
final class ChangeRecorder {

    private final ConsentRecords records;
    private final Clock clock;

    ChangeRecorder(ConsentRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /**
     * Change log first: a lost race for the sequence number means another writer won; reload and
     * retry. A contact point erased in between (§13) refuses what it refuses, the attempt kept.
     */
    ConsentChange record(TenantId tenant, ConsentCapture capture, boolean doubleOptInRequired) {
        RecordKey key = capture.key();
        return OptimisticAppend.retry(key.toString(), () -> {
            ConsentRecord record = records.load(tenant, key);
            Optional<Rejection> erased = record.suppression().flatMap(suppression -> suppression.refusal(capture));
            if (erased.isPresent()) {
                if (!records.append(record.reject(capture, erased.get(), UUID.randomUUID().toString(), clock.instant()))) {
                    return Optional.empty();
                }
                throw erased.get().refusal();
            }
            ConsentChange change = record.capture(capture, doubleOptInRequired, UUID.randomUUID().toString(), clock.instant());
            return records.append(change) ? Optional.of(change) : Optional.empty();
        });
    }

    /** Keeps a capture a rule refused in its record's history (§11); the record's state stays as it was. */
    ConsentChange reject(TenantId tenant, ConsentCapture capture, Rejection rejection) {
        return OptimisticAppend.retry(capture.key().toString(), () -> {
            ConsentChange change = records.load(tenant, capture.key())
                    .reject(capture, rejection, UUID.randomUUID().toString(), clock.instant());
            return records.append(change) ? Optional.of(change) : Optional.empty();
        });
    }

    /**
     * Records a capture under the id it must have; when the log already holds a change with that
     * id (the same row loaded before), that change is the answer and nothing is written.
     */
    ConsentChange recordOnce(TenantId tenant, ConsentCapture capture, String changeId) {
        return OptimisticAppend.retry(capture.key().toString(), () -> {
            ConsentChange change = records.load(tenant, capture.key()).capture(capture, false, changeId, clock.instant());
            if (records.append(change)) {
                return Optional.of(change);
            }
            return records.changes(tenant, List.of(changeId)).stream().findFirst();
        });
    }
}
