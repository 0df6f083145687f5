package io.colorinbox.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;

import io.colorinbox.inbox.BadListException;
import io.colorinbox.outbox.WriteFailedException;
import org.apache.commons.lang3.exception.ExceptionUtils;

/** The words for why a file failed, in the log, its report and its client's answer; shared by the file's steps. */
final class FailureTexts {

    private FailureTexts() {
    }

    /** The outermost cause of that type, or {@code null}. */
    static <T extends Throwable> T find(Throwable t, Class<T> type) {
        return ExceptionUtils.throwableOfType(t, type);
    }

    /** Why a file is bad: "invalid JSON: …", "I/O error: …". */
    static String reasonOf(Throwable cause) {
        if (cause == null) {
            return "unknown error";
        }
        BadListException bad = find(cause, BadListException.class);
        if (bad != null) {
            return bad.getMessage();
        }
        if (cause instanceof UncheckedIOException || cause instanceof IOException) {
            return "I/O error: " + cause.getMessage();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** "cannot write /outbox/.tmp: No space left on device", "OutOfMemoryError: Java heap space", … */
    static String notTheFilesFault(Throwable cause) {
        WriteFailedException write = find(cause, WriteFailedException.class);
        if (write != null) {
            return "cannot write " + write.folder() + ": " + write.reason();
        }
        JobAbortedException aborted = find(cause, JobAbortedException.class);
        if (aborted != null) {
            Throwable error = aborted.getCause();
            return aborted.getMessage() + (error != null ? " (" + error.getClass().getSimpleName() + ": "
                    + error.getMessage() + ")" : "");
        }
        return cause == null ? "unknown error" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** "30 s", "2.5 s". */
    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
