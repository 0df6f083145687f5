package io.colorinbox.inbox;

/**
 * The list file cannot be read as a color list (invalid JSON, wrong shape, binary content, ...).
 * The file goes to the error folder with {@link #getMessage()} and {@link #location()} in its report.
 */
public class BadListException extends RuntimeException {

    private final String location;

    public BadListException(String message, String location) {
        this(message, location, null);
    }

    public BadListException(String message, String location, Throwable cause) {
        super(message, cause);
        this.location = location;
    }

    /** Where in the file the problem is, e.g. {@code "line 3, column 7 (byte 41)"}, or {@code null} if unknown. */
    public String location() {
        return location;
    }
}
