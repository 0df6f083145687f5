package io.colorinbox.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Copies a request body to a file, stopping as soon as it is larger than allowed. */
final class BodySpooler {

    /** The body had more than the allowed bytes; what was read of it is deleted. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super(null, null);
        }
    }

    private BodySpooler() {
    }

    /** Returns the bytes copied; reads at most {@code maxBytes} plus one buffer of the body. */
    static long spool(InputStream body, Path target, long maxBytes) throws IOException {
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            int n;
            while ((n = body.read(buffer)) != -1) {
                total += n;
                if (total > maxBytes) {
                    throw new TooLarge();
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(target);
            throw e;
        }
        return total;
    }
}
