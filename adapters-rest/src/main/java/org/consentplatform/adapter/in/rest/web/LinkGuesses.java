package org.consentplatform.adapter.in.rest.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import java.time.Duration;

/**
 * Confirmation links that lead nowhere, counted per client address (Bucket4j): a client that
 * presents too many is refused for a while, whatever it presents, so tokens cannot be guessed
 * at speed. Valid links cost nothing.
 */
final class LinkGuesses {

    private final long allowed;
    private final Duration per;
    private final Cache<String, Bucket> clients;

    LinkGuesses(long allowed, Duration per) {
        this.allowed = allowed;
        this.per = per;
        this.clients = Caffeine.newBuilder().expireAfterAccess(per).maximumSize(100_000).build();
    }

    /** @return zero when the client may try, else how long it must wait */
    Duration waitFor(String client) {
        Bucket bucket = clients.getIfPresent(client);
        if (bucket == null) {
            return Duration.ZERO;
        }
        var probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    void wrongGuess(String client) {
        clients.get(client, key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(allowed).refillGreedy(allowed, per).build()).build()).tryConsume(1);
    }
}
