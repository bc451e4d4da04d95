package org.consentplatform.application.service;

import org.consentplatform.domain.shared.DomainRejection;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one retry loop of the change-log-first write (ADRs 2 and 25): an attempt loads what it needs,
 * decides and appends at the record's next sequence number; when another writer took that
 * number first, the attempt says so with an empty answer and runs again on fresh state. Each
 * round one racing writer wins, so a hundred writers on one record all get through.
 */
final class OptimisticAppend {

    static final int MAX_ATTEMPTS = 128;

    private OptimisticAppend() {
    }

    /**
     * @param attempt one round: its answer, or empty when it lost the race for the sequence number
     * @param what    names the record in the conflict message
     * @throws DomainRejection.ConcurrentChange when every round was lost
     */
    static <T> T retry(String what, Supplier<Optional<T>> attempt) {
        for (int round = 0; round < MAX_ATTEMPTS; round++) {
            Optional<T> answer = attempt.get();
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        throw new DomainRejection.ConcurrentChange("record " + what + " is being changed by many writers at once: retry");
    }
}
