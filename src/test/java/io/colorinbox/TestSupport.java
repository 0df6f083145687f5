package io.colorinbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

import io.colorinbox.support.InboxFolders;
import io.colorinbox.support.StubColorApi;
import org.springframework.test.context.DynamicPropertyRegistry;

final class TestSupport {

    private TestSupport() {
    }

    /** Points the application under test at the test's own folders and stub API. */
    static void register(DynamicPropertyRegistry registry, InboxFolders folders, StubColorApi api) {
        register(registry, folders, api::urlTemplate);
    }

    /** The same for an API of the test's own, at {@code urlTemplate}. */
    static void register(DynamicPropertyRegistry registry, InboxFolders folders, Supplier<Object> urlTemplate) {
        registry.add("colors.inbox", () -> folders.inbox().toString());
        registry.add("colors.outbox", () -> folders.outbox().toString());
        registry.add("colors.api.url", urlTemplate);
    }

    static StubColorApi startStub() {
        try {
            return new StubColorApi();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
