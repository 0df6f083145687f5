package io.colorinbox.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.colorinbox.outbox.InputIdentity;
import io.colorinbox.outbox.OutputNames;
import io.colorinbox.outbox.WorkFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At start, temp files that no input needs are removed once they are old enough; those whose input is still in
 * the inbox stay (the next start continues after them), and so do young ones (an instance sharing the outbox may
 * have just begun them).
 */
class OrphanTempFilesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    @Test
    void onlyOldTempFilesOfVanishedInputsGo() throws IOException {
        Folders folders = new Folders(root.resolve("inbox"), root.resolve("inbox/.done"), root.resolve("inbox/.error"),
                root.resolve("outbox"), root.resolve("outbox/.tmp"));
        Files.createDirectories(folders.work());
        Files.createDirectories(folders.inbox());
        Path kept = Files.writeString(folders.inbox().resolve("kept.txt"), "red\n");
        Path gone = Files.writeString(folders.inbox().resolve("gone.txt"), "red\n");
        Path young = Files.writeString(folders.inbox().resolve("young.txt"), "red\n");
        WorkFiles keptFiles = stateFor(folders, kept);
        WorkFiles goneFiles = stateFor(folders, gone);
        WorkFiles youngFiles = stateFor(folders, young);
        Files.delete(gone);
        Files.delete(young);
        Path stray = Files.writeString(folders.work().resolve("stray.bin"), "?");
        Instant old = Instant.now().minus(FolderSetup.ORPHAN_AGE).minus(Duration.ofMinutes(1));
        for (Path p : new Path[] {keptFiles.state(), keptFiles.results(), goneFiles.state(), goneFiles.results(), stray}) {
            Files.setLastModifiedTime(p, FileTime.from(old));
        }

        new FolderSetup(folders, new ActiveJobs(new OutputNames(folders.outbox(), JSON), folders.work()), JSON).removeOrphans();

        assertThat(keptFiles.state()).as("its input is still in the inbox").exists();
        assertThat(keptFiles.results()).exists();
        assertThat(goneFiles.state()).as("old, and its input is gone").doesNotExist();
        assertThat(goneFiles.results()).doesNotExist();
        assertThat(youngFiles.state()).as("its input is gone, but it is young").exists();
        assertThat(stray).as("no job's file, and old").doesNotExist();
    }

    private static WorkFiles stateFor(Folders folders, Path input) throws IOException {
        WorkFiles files = WorkFiles.of(folders.work(), input.getFileName().toString());
        JSON.writeValue(files.state().toFile(), InputIdentity.of(input, "TXT", "GET http://h/{color}"));
        Files.writeString(files.results(), "{\"index\":0}\n");
        return files;
    }
}
