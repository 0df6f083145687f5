package io.colorinbox.outbox;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Puts a finished output together: the summary first (so a reader sees it at the top), then the
 * results already written in order, into a hidden temp file that is synced and renamed into the
 * outbox in one step. A reader never sees a partial output.
 */
public class ResultFileAssembler {

    private final ObjectMapper mapper;
    private final String processedBy;

    /** {@code processedBy}: the node id of this instance (colors.cluster.node-id), a field of every output. */
    public ResultFileAssembler(ObjectMapper mapper, String processedBy) {
        this.mapper = mapper;
        this.processedBy = processedBy;
    }

    /**
     * {@code reused}: results that reused an answer (a repeat, the cache) instead of making a call;
     * {@code resumedFrom}: the index this run continued from after an interruption, 0 when it did not.
     */
    public record Summary(String source, int total, int succeeded, int failed, int reused, Instant startedAt,
                          Instant finishedAt, long durationMs, int resumedFrom) {
    }

    /**
     * Writes {@code temp} and renames it to {@code target}. Any failure to write is a
     * {@link WriteFailedException} naming the file, and {@code temp} is removed.
     */
    public void assemble(Summary summary, Path results, Path temp, Path target) {
        try {
            WriteFailedException.writing(temp, () -> {
                write(summary, results, temp);
                return null;
            });
            WriteFailedException.writing(target, () ->
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING));
        } catch (RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private void write(Summary summary, Path results, Path temp) throws IOException {
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("source", summary.source());
        head.put("total", summary.total());
        head.put("succeeded", summary.succeeded());
        head.put("failed", summary.failed());
        head.put("reused", summary.reused());
        head.put("startedAt", summary.startedAt().toString());
        head.put("finishedAt", summary.finishedAt().toString());
        head.put("durationMs", summary.durationMs());
        head.put("processedBy", processedBy);
        if (summary.resumedFrom() > 0) {
            head.put("resumedFrom", summary.resumedFrom());
        }
        String json = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(head);
        // the summary object, left open for the results: {... "durationMs" : N, "results" : [ ... ]}
        String opening = json.substring(0, json.lastIndexOf('}')).stripTrailing() + ",\n  \"results\" : [";
        String closing = (summary.total() > 0 ? "\n  ]\n}\n" : "]\n}\n");
        try (FileChannel outChannel = FileChannel.open(temp, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
             FileChannel in = FileChannel.open(results, StandardOpenOption.READ)) {
            OutputStream out = Channels.newOutputStream(outChannel);
            out.write(opening.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            long size = in.size();
            long done = 0;
            while (done < size) {
                done += in.transferTo(done, size - done, outChannel);
            }
            out.write(closing.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            outChannel.force(true);
        }
    }
}
