package io.colorinbox.repeats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class CacheDirectivesTest {

    private static final Duration TTL = Duration.ofMinutes(10);

    @Test
    void noHeaderKeepsForTheTtl() {
        assertThat(CacheDirectives.parse(null, null).keepFor(TTL)).isEqualTo(TTL);
        assertThat(CacheDirectives.parse("public", null).keepFor(TTL)).isEqualTo(TTL);
    }

    @Test
    void maxAgeOnlyShortensTheTtlLessTheAge() {
        assertThat(CacheDirectives.parse("public, max-age=60", null).keepFor(TTL)).isEqualTo(Duration.ofSeconds(60));
        assertThat(CacheDirectives.parse("max-age=60", "45").keepFor(TTL)).isEqualTo(Duration.ofSeconds(15));
        assertThat(CacheDirectives.parse("max-age=60", "90").keepFor(TTL)).isZero();
        assertThat(CacheDirectives.parse("MAX-AGE=86400", null).keepFor(TTL)).as("never longer").isEqualTo(TTL);
        assertThat(CacheDirectives.parse("max-age=\"30\"", null).keepFor(TTL)).isEqualTo(Duration.ofSeconds(30));
        assertThat(CacheDirectives.parse("max-age=soon", null).keepFor(TTL)).as("not a number: stale").isZero();
    }

    @Test
    void noStoreAndNoCacheAreNeverKeptAcrossLists() {
        CacheDirectives noStore = CacheDirectives.parse("private, No-Store", null);
        assertThat(noStore.noStore()).isTrue();
        assertThat(noStore.keepFor(TTL)).isZero();
        CacheDirectives noCache = CacheDirectives.parse("no-cache, max-age=600", null);
        assertThat(noCache.noStore()).as("still reused within its list").isFalse();
        assertThat(noCache.keepFor(TTL)).isZero();
    }
}
