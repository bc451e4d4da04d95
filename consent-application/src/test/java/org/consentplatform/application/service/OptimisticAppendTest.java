package org.consentplatform.application.service;

import org.consentplatform.domain.shared.DomainRejection;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptimisticAppendTest {

    @Test
    void aLostRaceRunsTheAttemptAgainUntilItWins() {
        AtomicInteger rounds = new AtomicInteger();

        String answer = OptimisticAppend.retry("r", () -> rounds.incrementAndGet() < 5 ? Optional.empty() : Optional.of("won"));

        assertThat(answer).isEqualTo("won");
        assertThat(rounds).hasValue(5);
    }

    @Test
    void everyRoundLostIsAConflictToRetryLater() {
        AtomicInteger rounds = new AtomicInteger();

        assertThatThrownBy(() -> OptimisticAppend.retry("acme|EMAIL|a@example.com", () -> {
            rounds.incrementAndGet();
            return Optional.empty();
        })).isInstanceOf(DomainRejection.ConcurrentChange.class).hasMessageContaining("acme|EMAIL|a@example.com");
        assertThat(rounds).hasValue(OptimisticAppend.MAX_ATTEMPTS);
    }
}
