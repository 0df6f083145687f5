package io.colorinbox.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;

/**
 * A file of the outbox (the temp results, the assembled output, its rename) or of the done/error
 * folder could not be written. Not the input's fault: the input stays where it is and is tried again later.
 */
public class WriteFailedException extends UncheckedIOException {

    private final Path folder;
    private final String reason;

    public WriteFailedException(Path file, IOException cause) {
        this(file, reasonOf(cause), cause);
    }

    private WriteFailedException(Path file, String reason, IOException cause) {
        super("cannot write " + file + ": " + reason, cause);
        Path parent = file.getParent();
        this.folder = parent == null || Files.isDirectory(file) ? file : parent;
        this.reason = reason;
    }

    /** The folder that could not be written. */
    public Path folder() {
        return folder;
    }

    /** Why, in plain words: "No space left on device", "permission denied", … */
    public String reason() {
        return reason;
    }

    /** Runs {@code step}, turning an I/O failure on {@code file} into a {@link WriteFailedException}. */
    public static <T> T writing(Path file, IoStep<T> step) {
        try {
            return step.run();
        } catch (WriteFailedException e) {
            throw e;
        } catch (IOException e) {
            throw new WriteFailedException(file, e);
        } catch (ReadOnlyFileSystemException e) {
            throw new WriteFailedException(file, new IOException("read-only file system", e));
        }
    }

    /** A step that writes. */
    @FunctionalInterface
    public interface IoStep<T> {
        T run() throws IOException;
    }

    public static String reasonOf(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
