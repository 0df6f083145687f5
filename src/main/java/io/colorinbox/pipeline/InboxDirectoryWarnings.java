package io.colorinbox.pipeline;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file consumer reads files only and passes over directories without a word; someone who drops a
 * folder into the inbox should hear why nothing happens. Said once per folder.
 */
public class InboxDirectoryWarnings {

    private static final Logger LOG = LoggerFactory.getLogger(InboxDirectoryWarnings.class);

    private final Path inbox;
    private final Set<Path> warned = new HashSet<>();

    public InboxDirectoryWarnings(Path inbox) {
        this.inbox = inbox;
    }

    public synchronized void check() {
        Set<Path> present = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(inbox,
                p -> !p.getFileName().toString().startsWith(".") && Files.isDirectory(p))) {
            for (Path dir : entries) {
                present.add(dir);
                if (warned.add(dir)) {
                    LOG.warn("{} is a folder: only files in the inbox are read; drop the files themselves", dir);
                }
            }
        } catch (IOException e) {
            return; // the inbox is being recreated or is unreadable: the consumer reports that
        }
        warned.retainAll(present);
    }
}
