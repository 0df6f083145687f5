package io.colorinbox.repeats;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Answers kept across lists ({@code colors.cache.ttl} above 0), each for the TTL or less when its
 * {@code Cache-Control} says so, in a cache bounded in bytes ({@code colors.cache.max-size}). In memory, per
 * instance: a restart, or another instance of a cluster, starts empty.
 */
final class AnswerCache {

    private record Entry(KeptAnswer answer, long keepNanos) {
    }

    private final Duration ttl;
    private final Cache<String, Entry> entries;

    AnswerCache(Duration ttl, long maxBytes) {
        this.ttl = ttl;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, Entry e) -> e.answer().weight())
                .expireAfter(new Expiry<String, Entry>() {
                    @Override
                    public long expireAfterCreate(String key, Entry e, long now) {
                        return e.keepNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String key, Entry e, long now, long current) {
                        return e.keepNanos();
                    }

                    @Override
                    public long expireAfterRead(String key, Entry e, long now, long current) {
                        return current; // a hit does not make an answer fresher
                    }
                })
                .executor(Runnable::run)
                .build();
    }

    /** The kept answer for {@code key}, or {@code null}. */
    KeptAnswer get(String key) {
        Entry e = entries.getIfPresent(key);
        return e == null ? null : e.answer();
    }

    /** Keeps {@code answer} for the TTL, or less as {@code directives} say (not at all for no-store, no-cache). */
    void put(String key, KeptAnswer answer, CacheDirectives directives) {
        Duration keep = directives.keepFor(ttl);
        if (!keep.isZero() && !keep.isNegative()) {
            entries.put(key, new Entry(answer, keep.toNanos()));
        }
    }
}
