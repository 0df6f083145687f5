package io.colorinbox.pipeline;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.colorinbox.outbox.WriteFailedException;

/** What a step checks of a folder before it writes there, and how it names a file without overwriting one. */
final class FolderChecks {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT);

    private FolderChecks() {
    }

    /** The folder, made if missing; a {@link WriteFailedException} when it cannot be written. */
    static Path writable(Path dir) {
        return WriteFailedException.writing(dir, () -> {
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) {
                throw Files.getFileStore(dir).isReadOnly()
                        ? new FileSystemException(dir.toString(), null, "read-only file system")
                        : new AccessDeniedException(dir.toString());
            }
            return dir;
        });
    }

    /** {@code dir/name}, or with a time stamp before the extension when that name is taken: nothing is overwritten. */
    static Path freeName(Path dir, String name) {
        Path plain = dir.resolve(name);
        if (!Files.exists(plain)) {
            return plain;
        }
        int dot = name.lastIndexOf('.');
        String stamp = LocalDateTime.now().format(STAMP);
        String stamped = dot > 0 ? name.substring(0, dot) + "." + stamp + name.substring(dot) : name + "." + stamp;
        return dir.resolve(stamped);
    }
}
