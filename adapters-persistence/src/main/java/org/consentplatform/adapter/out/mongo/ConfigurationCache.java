package org.consentplatform.adapter.out.mongo;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.function.Function;

/**
 * Configuration (tenant settings, profiles) kept for a short time per instance (ADR 10). It is
 * read outside the cache's per-key lock: while the store is unreachable, callers waiting on the
 * lock would each wait their own timeout after the one before them, and the last of N would be
 * answered after N timeouts (ADR 33). A burst of misses may read the same document a few times.
 */
final class ConfigurationCache<K, V> {

    private final Cache<K, V> cache;

    ConfigurationCache(Duration ttl) {
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
    }

    V get(K key, Function<K, V> read) {
        V cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        V value = read.apply(key);
        cache.put(key, value);
        return value;
    }

    void forget(K key) {
        cache.invalidate(key);
    }
}
