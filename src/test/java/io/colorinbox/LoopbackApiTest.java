package io.colorinbox;

import io.colorinbox.support.StubColorApi;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the {@link AppTest}s that run against the stub API on loopback: its {@code API} is their
 * {@code colors.api.url}. Each subclass has its own static {@code InboxFolders} (Spring keeps every test context
 * alive, each polling its own inbox).
 */
abstract class LoopbackApiTest {

    /** One stub for all these tests; it lives as long as the test JVM. */
    static final StubColorApi API = TestSupport.startStub();

    @BeforeEach
    void resetStub() {
        API.reset();
    }
}
