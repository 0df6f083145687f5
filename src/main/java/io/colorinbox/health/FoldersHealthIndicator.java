package io.colorinbox.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.colorinbox.pipeline.Folders;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Ready to take lists: the inbox and the folders inputs are moved to (done, error) exist, are writable and
 * have space left. The outbox has its own, stricter check ({@link io.colorinbox.outbox.OutboxHealthIndicator}).
 */
class FoldersHealthIndicator extends AbstractHealthIndicator {

    private final Folders folders;
    private final long minFreeBytes;

    FoldersHealthIndicator(Folders folders, long minFreeBytes) {
        super("the folders cannot be checked");
        this.folders = folders;
        this.minFreeBytes = minFreeBytes;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean up = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (Map.Entry<String, Path> folder : Map.of("inbox", folders.inbox(), "done", folders.done(),
                "error", folders.error()).entrySet()) {
            String problem = problemWith(folder.getValue());
            up &= problem == null;
            details.put(folder.getKey(), problem == null ? "ok" : problem);
        }
        details.put("minFreeBytes", minFreeBytes);
        (up ? builder.up() : builder.down()).withDetails(details);
    }

    private String problemWith(Path dir) {
        if (!Files.isDirectory(dir)) {
            return "missing: " + dir;
        }
        if (!Files.isWritable(dir)) {
            return "not writable: " + dir;
        }
        try {
            long free = Files.getFileStore(dir).getUsableSpace();
            return free < minFreeBytes ? "only " + free + " bytes free: " + dir : null;
        } catch (IOException e) {
            return "cannot read its file system: " + e.getMessage();
        }
    }
}
