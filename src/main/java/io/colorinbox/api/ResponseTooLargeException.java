package io.colorinbox.api;

import java.io.IOException;

import org.springframework.util.unit.DataSize;

/**
 * An answer larger than {@code colors.api.max-response-size}, seen by its Content-Length or while
 * reading it. Nothing of it is kept and the connection is closed; it is not retried (the same
 * answer would come again).
 */
public class ResponseTooLargeException extends IOException {

    private final int status;

    public ResponseTooLargeException(long maxBytes, int status) {
        super("response larger than " + readable(maxBytes));
        this.status = status;
    }

    /** The HTTP status of the answer that was too large. */
    public int status() {
        return status;
    }

    /** 1048576 → "1 MB", 65536 → "64 KB", otherwise bytes: the way the setting is usually written. */
    static String readable(long bytes) {
        if (bytes >= DataSize.ofMegabytes(1).toBytes() && bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return DataSize.ofBytes(bytes).toMegabytes() + " MB";
        }
        if (bytes >= DataSize.ofKilobytes(1).toBytes() && bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
            return DataSize.ofBytes(bytes).toKilobytes() + " KB";
        }
        return bytes + " bytes";
    }
}
