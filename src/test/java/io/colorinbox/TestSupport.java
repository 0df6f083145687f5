package io.colorinbox;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.colorinbox.support.StubColorApi;

final class TestSupport {

    private TestSupport() {
    }

    static StubColorApi startStub() {
        try {
            return new StubColorApi();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
