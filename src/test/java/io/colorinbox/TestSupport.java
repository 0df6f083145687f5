package io.colorinbox;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.colorinbox.support.InboxFolders;
import io.colorinbox.support.StubColorApi;
import org.springframework.test.context.DynamicPropertyRegistry;

final class TestSupport {

    private TestSupport() {
    }

    /** Points the application under test at the test's own folders and stub API. */
    static void register(DynamicPropertyRegistry registry, InboxFolders folders, StubColorApi api) {
        registry.add("colors.inbox", () -> folders.inbox().toString());
        registry.add("colors.outbox", () -> folders.outbox().toString());
        registry.add("colors.api.url", api::urlTemplate);
    }

    static StubColorApi startStub() {
        try {
            return new StubColorApi();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
