package io.colorinbox.pipeline;

/**
 * A file could not be completed for a reason that is not the file's: an {@link Error} such as an
 * {@link OutOfMemoryError} while one of its items was worked on, or the state kept from an interrupted
 * run turned out not to fit. Like a failure to write, the input stays in the inbox and is tried again
 * after {@code colors.inbox.retry-delay}, from the start.
 */
public class JobAbortedException extends RuntimeException {

    public JobAbortedException(String message, Throwable cause) {
        super(message, cause);
    }
}
