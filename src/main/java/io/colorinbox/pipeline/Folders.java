package io.colorinbox.pipeline;

import java.nio.file.Path;

import io.colorinbox.config.ColorsProperties;

/** The folders, as absolute paths, with the defaults for done/error under the inbox. */
public record Folders(Path inbox, Path done, Path error, Path outbox, Path work) {

    public static Folders of(ColorsProperties p) {
        Path inbox = Path.of(p.inbox()).toAbsolutePath().normalize();
        Path outbox = Path.of(p.outbox()).toAbsolutePath().normalize();
        Path done = p.done().isBlank() ? inbox.resolve(".done") : Path.of(p.done()).toAbsolutePath().normalize();
        Path error = p.error().isBlank() ? inbox.resolve(".error") : Path.of(p.error()).toAbsolutePath().normalize();
        // temp files live beside the outbox's files (same file system, so the final rename is atomic) but hidden
        return new Folders(inbox, done, error, outbox, outbox.resolve(".tmp"));
    }
}
