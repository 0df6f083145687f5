package io.colorinbox.outbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.util.unit.DataSize;

/**
 * {@code outbox} in {@code /actuator/health}: DOWN, with the reason, while results cannot be written
 * there: a file (one byte) cannot be written in its work folder {@code .tmp}, less than
 * {@code colors.health.min-free-space} is free, or a file just failed to be written (until a file
 * completes or that file's retry is due). UP again by itself. The check costs a file creation, so its
 * answer is kept for half a second.
 */
public class OutboxHealthIndicator implements HealthIndicator {

    private static final long KEEP_NANOS = 500_000_000L;

    private final Path outbox;
    private final Path work;
    private final long minFreeBytes;
    private final Supplier<Optional<String>> recentFailure;
    private volatile Health last;
    private volatile long lastAt;

    /** @param recentFailure the latest write failure that is still news, in words */
    public OutboxHealthIndicator(Path outbox, Path work, DataSize minFree, Supplier<Optional<String>> recentFailure) {
        this.outbox = outbox;
        this.work = work;
        this.minFreeBytes = minFree.toBytes();
        this.recentFailure = recentFailure;
    }

    @Override
    public Health health() {
        Health h = last;
        long now = System.nanoTime();
        if (h == null || now - lastAt > KEEP_NANOS) {
            h = check();
            last = h;
            lastAt = now;
        }
        return h;
    }

    private Health check() {
        Health.Builder health = Health.up().withDetail("folder", outbox.toString());
        long free;
        try {
            if (!Files.isDirectory(work)) {
                // not made here: a health check changes nothing (the next file makes the folder again)
                return health.down().withDetail("reason", "missing: " + work).build();
            }
            Path probe = Files.createTempFile(work, ".health-", ".probe");
            try (FileChannel ch = FileChannel.open(probe, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(new byte[] {'\n'}));
            } finally {
                Files.deleteIfExists(probe);
            }
            free = Files.getFileStore(work).getUsableSpace();
        } catch (IOException e) {
            return health.down().withDetail("reason", "cannot write " + work + ": " + WriteFailedException.reasonOf(e))
                    .build();
        }
        health.withDetail("freeBytes", free);
        Optional<String> failure = recentFailure.get();
        if (failure.isPresent()) {
            return health.down().withDetail("reason", failure.get()).build();
        }
        if (free < minFreeBytes) {
            return health.down().withDetail("reason", "only " + DataSize.ofBytes(free).toKilobytes() + " KB free, less than "
                    + DataSize.ofBytes(minFreeBytes).toKilobytes() + " KB (colors.health.min-free-space)").build();
        }
        return health.build();
    }
}
