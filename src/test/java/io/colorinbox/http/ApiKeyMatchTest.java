package io.colorinbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeyMatchTest {

    private final ApiKey key = new ApiKey("0123456789abcdef-key");

    @Test
    void onlyTheExactKeyMatches() {
        assertThat(key.matches("0123456789abcdef-key")).isTrue();
        assertThat(key.matches("0123456789abcdef-kez")).isFalse();
        assertThat(key.matches("0123456789abcdef-key ")).isFalse();
        assertThat(key.matches("0123456789abcdef")).isFalse();
        assertThat(key.matches("")).isFalse();
        assertThat(key.matches(null)).isFalse();
    }

    @Test
    void neverShowsItself() {
        assertThat(key.toString()).doesNotContain("0123");
        HttpProperties settings = new HttpProperties(true, 1, org.springframework.util.unit.DataSize.ofMegabytes(1), 1,
                java.time.Duration.ofSeconds(1), "0123456789abcdef-key");
        assertThat(settings.toString()).doesNotContain("0123").contains("apiKey=(set)");
    }

    @Test
    void protectsListsStatusAndActuatorButNotProbesNorThePage() {
        assertThat(ApiKeyFilter.isProtected("/api/lists")).isTrue();
        assertThat(ApiKeyFilter.isProtected("/api/lists/abc/result")).isTrue();
        assertThat(ApiKeyFilter.isProtected("/api/status")).isTrue();
        assertThat(ApiKeyFilter.isProtected("/actuator/prometheus")).isTrue();
        assertThat(ApiKeyFilter.isProtected("/actuator/health")).isTrue();
        assertThat(ApiKeyFilter.isProtected("/actuator/health/readiness")).isFalse();
        assertThat(ApiKeyFilter.isProtected("/actuator/health/liveness")).isFalse();
        assertThat(ApiKeyFilter.isProtected("/actuator/health/readinessX")).isTrue();
        assertThat(ApiKeyFilter.isProtected("/")).isFalse();
        assertThat(ApiKeyFilter.isProtected("/status.js")).isFalse();
        assertThat(ApiKeyFilter.isProtected("/api/colors/red")).isFalse();
    }
}
