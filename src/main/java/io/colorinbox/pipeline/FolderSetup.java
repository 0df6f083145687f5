package io.colorinbox.pipeline;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.colorinbox.outbox.InputIdentity;
import io.colorinbox.outbox.WorkFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** At start: the folders exist (or the start fails naming the key at fault), and old temp files no input needs go. */
public class FolderSetup {

    /** Temp files whose input is gone are removed at start once they are this old (see {@link #removeOrphans()}). */
    static final Duration ORPHAN_AGE = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(FolderSetup.class);

    private final Folders folders;
    private final ActiveJobs active;
    private final ObjectMapper mapper;

    public FolderSetup(Folders folders, ActiveJobs active, ObjectMapper mapper) {
        this.folders = folders;
        this.active = active;
        this.mapper = mapper;
    }

    /**
     * Creates the folders that are missing (said once, at WARN: a typo in a path would otherwise go unnoticed) and
     * removes temp files that no input needs any more. A path that cannot be a folder fails the start naming its key.
     */
    public void prepare() throws IOException {
        List<String> created = new ArrayList<>();
        Map<String, Path> byKey = new LinkedHashMap<>();
        byKey.put("colors.inbox", folders.inbox());
        byKey.put("colors.done", folders.done());
        byKey.put("colors.error", folders.error());
        byKey.put("colors.outbox", folders.outbox());
        byKey.put("colors.outbox (its .tmp)", folders.work());
        for (Map.Entry<String, Path> folder : byKey.entrySet()) {
            Path dir = folder.getValue();
            if (Files.isDirectory(dir)) {
                continue;
            }
            String key = folder.getKey();
            try {
                Files.createDirectories(dir);
            } catch (FileAlreadyExistsException e) {
                if (Files.isDirectory(dir)) {
                    continue; // another instance on the same folders made it in between
                }
                throw new IllegalStateException(key + " is " + dir + (Files.exists(dir)
                        ? ", which is a file, not a folder" : ", which cannot be made a folder: a part of the path"
                        + " is a file") + ": name a folder", e);
            } catch (IOException e) {
                throw new IllegalStateException(key + " is " + dir + ", which cannot be made a folder ("
                        + (e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                        : e.getClass().getSimpleName()) + "): name a folder", e);
            }
            created.add(key + " = " + dir);
        }
        if (!created.isEmpty()) {
            LOG.warn("Created the missing folders {}", created);
        }
        removeOrphans();
    }

    /**
     * Temp files are kept for their input while it is in the inbox: a restart continues after them. Removed:
     * those whose input (named in their state file) is no longer in the inbox, and those that are no job's
     * files (no readable state), once they are {@link #ORPHAN_AGE} old, so that an instance sharing the
     * outbox never loses the files of a job it has only just begun; never those of a job of this JVM.
     */
    void removeOrphans() throws IOException {
        Set<String> held = active.workKeys();
        long now = System.currentTimeMillis();
        try (Stream<Path> files = Files.list(folders.work())) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String key = WorkFiles.keyOf(p.getFileName().toString());
                if (key != null && (held.contains(key) || inputStillThere(new WorkFiles(folders.work(), key)))) {
                    continue;
                }
                try {
                    if (now - Files.getLastModifiedTime(p).toMillis() >= ORPHAN_AGE.toMillis()) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException e) {
                    LOG.warn("Cannot remove the old temp file {}: {}", p, e.getMessage());
                }
            }
        }
    }

    private boolean inputStillThere(WorkFiles files) {
        try {
            InputIdentity state = mapper.readValue(files.state().toFile(), InputIdentity.class);
            return Files.exists(Path.of(state.inbox()).resolve(state.input()));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
