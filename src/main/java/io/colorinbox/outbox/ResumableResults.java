package io.colorinbox.outbox;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colorinbox.inbox.ColorItem;
import io.colorinbox.inbox.ColorItems;
import io.colorinbox.inbox.ColorListReader;

/**
 * Decides, when a file starts, whether the temp results an interrupted run left behind can be kept.
 * They can when the state beside them names this very input (see {@link InputIdentity}) and, read
 * from the start, each result has the next index (0, 1, 2, …) and the color of the input's item at
 * that index; one that does not means these results are not this input's, and the file starts over.
 * Reading stops at the first record that is not complete JSON (torn by a crash, a damaged byte): the
 * results before it are kept, the rest is cut off. Nothing kept means starting over.
 */
public final class ResumableResults {

    private ResumableResults() {
    }

    /** The prefix to continue after, on disk and checked; or {@link ResultsPrefix#NONE} with fresh temp files. */
    public static ResultsPrefix prepare(WorkFiles files, InputIdentity identity, Path input, ObjectMapper mapper) {
        ResultsPrefix kept = keptFor(files, identity, input, mapper);
        if (kept.items() > 0) {
            return kept;
        }
        startOver(files, identity, mapper);
        return ResultsPrefix.NONE;
    }

    private static ResultsPrefix keptFor(WorkFiles files, InputIdentity identity, Path input, ObjectMapper mapper) {
        if (!Files.isRegularFile(files.state()) || !Files.isRegularFile(files.results())) {
            return ResultsPrefix.NONE;
        }
        try {
            InputIdentity before = mapper.readValue(files.state().toFile(), InputIdentity.class);
            if (!identity.equals(before)) {
                return ResultsPrefix.NONE;
            }
            try (ColorItems items = ColorListReader.open(input)) {
                return validPrefix(files.results(), items, mapper);
            }
        } catch (IOException | RuntimeException e) {
            return ResultsPrefix.NONE; // unreadable state or results: start over, never guess
        }
    }

    /**
     * The complete results from the start of {@code results}, or none when one of them is not the result of
     * the item of {@code items} at its place.
     */
    static ResultsPrefix validPrefix(Path results, ColorItems items, ObjectMapper mapper) throws IOException {
        int n = 0;
        int succeeded = 0;
        int reused = 0;
        long end = 0;
        // the results file is the inside of a JSON array: {..},\n {..} — read it as one
        try (InputStream in = new SequenceInputStream(new ByteArrayInputStream(new byte[] {'['}),
                new BufferedInputStream(Files.newInputStream(results), 1 << 16));
             JsonParser p = mapper.createParser(in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return ResultsPrefix.NONE;
            }
            while (true) {
                JsonNode record;
                try {
                    if (p.nextToken() != JsonToken.START_OBJECT) {
                        break;
                    }
                    record = mapper.readTree(p);
                } catch (IOException torn) {
                    break; // the end of what was written before the crash
                }
                JsonNode index = record.get("index");
                JsonNode ok = record.get("ok");
                if (index == null || !index.isInt() || index.intValue() != n || ok == null || !ok.isBoolean()
                        || !items.hasNext() || !sameColor(record.get("color"), items.next())) {
                    return ResultsPrefix.NONE; // another list's results, or altered: none of them can be trusted
                }
                n++;
                succeeded += ok.booleanValue() ? 1 : 0;
                reused += record.hasNonNull("reused") ? 1 : 0;
                // offset just after the record's closing brace, less the '[' put in front
                end = p.currentLocation().getByteOffset() - 1;
            }
        } catch (RuntimeException e) {
            return ResultsPrefix.NONE; // the input cannot be read (it goes to the error folder when its turn comes)
        }
        return n == 0 ? ResultsPrefix.NONE : new ResultsPrefix(n, end, succeeded, n - succeeded, reused);
    }

    private static boolean sameColor(JsonNode recorded, ColorItem item) {
        String color = recorded == null || recorded.isNull() ? null : recorded.isTextual() ? recorded.textValue() : "\0";
        return Objects.equals(color, item.color());
    }

    /** No results yet, and the state that says which input the coming ones belong to. */
    private static void startOver(WorkFiles files, InputIdentity identity, ObjectMapper mapper) {
        // results first: a crash in between leaves no results (start over), never old results under a new state
        WriteFailedException.writing(files.results(), () -> Files.deleteIfExists(files.results()));
        WriteFailedException.writing(files.state(), () -> {
            Files.deleteIfExists(files.assembling());
            try (FileChannel ch = FileChannel.open(files.stateNew(), StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(ch);
                out.write(mapper.writeValueAsBytes(identity));
                ch.force(true);
            }
            try {
                Files.move(files.stateNew(), files.state(), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(files.stateNew(), files.state(), StandardCopyOption.REPLACE_EXISTING);
            }
            return null;
        });
    }
}
