package io.colorinbox;

import io.colorinbox.support.StubColorApi;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the tests that run the application in this JVM against the stub API on loopback. Each
 * subclass has its own folders (Spring keeps every test context alive, each polling its own inbox)
 * and registers them with {@link TestSupport#register}.
 */
abstract class LoopbackApiTest {

    /** One stub for all these tests; it lives as long as the test JVM. */
    static final StubColorApi API = TestSupport.startStub();

    @BeforeEach
    void resetStub() {
        API.reset();
    }
}
