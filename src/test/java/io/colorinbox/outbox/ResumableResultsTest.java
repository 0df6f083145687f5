package io.colorinbox.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.colorinbox.api.ColorResult;
import io.colorinbox.api.Outcome;
import io.colorinbox.api.Reuse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a restart keeps of an interrupted file's results, and what makes it start over. */
class ResumableResultsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String API = "http://127.0.0.1:1/api/colors/{color}";

    @TempDir
    Path dir;

    Path input;
    WorkFiles files;

    @BeforeEach
    void setUp() throws IOException {
        input = Files.writeString(dir.resolve("list.txt"), String.join("\n", colors("c")), StandardCharsets.UTF_8);
        files = WorkFiles.of(Files.createDirectories(dir.resolve("work")), "list.txt");
    }

    static List<String> colors(String prefix) {
        return IntStream.range(0, 10).mapToObj(i -> prefix + i).toList();
    }

    private ResultsPrefix prepare() throws IOException {
        return prepare(API);
    }

    private ResultsPrefix prepare(String api) throws IOException {
        return ResumableResults.prepare(files, InputIdentity.of(input, "TXT", api), input, JSON);
    }

    /** Writes results 0..n-1 of the list as an interrupted run would have. */
    private void writeResults(int n) {
        OrderedResultWriter writer = new OrderedResultWriter(files.results(), ResultsPrefix.NONE, JSON, 1, written -> { });
        for (int i = 0; i < n; i++) {
            ColorResult result = i % 3 != 0 ? ColorResult.answered(i, "c" + i, 200, 1, 1, null)
                    : new ColorResult(i, "c" + i, false, 200, 1, 1, "HTTP 500", null, Outcome.HTTP_ERROR);
            // every fourth row reused an answer (a repeat earlier in the list): a restart counts them on
            writer.accept(i % 4 == 2 ? result.reusedFor(i, "c" + i, 0, Reuse.REPEAT) : result);
        }
        writer.close();
    }

    @Test
    void aFirstRunStartsEmptyAndSaysWhichInputTheResultsBelongTo() throws IOException {
        assertThat(prepare()).isEqualTo(ResultsPrefix.NONE);
        assertThat(files.state()).exists();
        assertThat(files.results()).doesNotExist();
    }

    @Test
    void completeResultsOfTheSameInputAreKept() throws IOException {
        prepare();
        writeResults(6);

        ResultsPrefix kept = prepare();

        assertThat(kept.items()).isEqualTo(6);
        assertThat(kept.bytes()).isEqualTo(Files.size(files.results()));
        assertThat(kept.succeeded()).isEqualTo(4);
        assertThat(kept.failed()).isEqualTo(2);
        assertThat(kept.reused()).as("row 2 of 0..5").isEqualTo(1);
    }

    @Test
    void aRecordTornByACrashIsCutOffAndTheRunContinuesAfterTheLastCompleteOne() throws IOException {
        prepare();
        writeResults(6);
        long complete = Files.size(files.results());
        Files.writeString(files.results(), ",\n    {\"index\":6,\"color\":\"c6\",\"ok\":tr", StandardOpenOption.APPEND);

        ResultsPrefix kept = prepare();
        assertThat(kept.items()).isEqualTo(6);
        assertThat(kept.bytes()).isEqualTo(complete);

        OrderedResultWriter writer = new OrderedResultWriter(files.results(), kept, JSON, 1, written -> { });
        for (int i = 6; i < 10; i++) {
            writer.accept(ColorResult.answered(i, "c" + i, 200, 1, 1, null));
        }
        writer.close();
        String all = "[" + Files.readString(files.results()) + "]";
        assertThat(JSON.readTree(all)).hasSize(10);
        for (int i = 0; i < 10; i++) {
            assertThat(JSON.readTree(all).get(i).get("index").asInt()).isEqualTo(i);
        }
    }

    @Test
    void resultsBeforeADamagedByteAreKept() throws IOException {
        prepare();
        writeResults(6);
        Files.writeString(files.results(), Files.readString(files.results()).replace("\"color\":\"c2\"", "\u0000"));
        assertThat(prepare().items()).isEqualTo(2);
    }

    @Test
    void aResultOutOfPlaceMeansTheResultsAreNotTrustedAtAll() throws IOException {
        prepare();
        writeResults(6);
        Files.writeString(files.results(), Files.readString(files.results()).replace("\"index\":4,", "\"index\":7,"));
        assertThat(prepare()).isEqualTo(ResultsPrefix.NONE);
    }

    @Test
    void anInputChangedInPlaceStartsOverEvenWithTheSameSizeAndTime() throws IOException {
        prepare();
        writeResults(6);
        FileTime time = Files.getLastModifiedTime(input);
        Files.writeString(input, String.join("\n", colors("c")).replace("c3", "x3"));
        Files.setLastModifiedTime(input, time);

        assertThat(prepare()).isEqualTo(ResultsPrefix.NONE);
        assertThat(files.results()).as("the old results are gone").doesNotExist();
    }

    @Test
    void anotherModificationTimeOrAnotherApiStartsOver() throws IOException {
        prepare();
        writeResults(6);
        Files.setLastModifiedTime(input, FileTime.fromMillis(Files.getLastModifiedTime(input).toMillis() - 5000));
        assertThat(prepare()).isEqualTo(ResultsPrefix.NONE);

        writeResults(6);
        assertThat(prepare("http://127.0.0.1:2/other/{color}")).isEqualTo(ResultsPrefix.NONE);
    }

    @Test
    void anUnreadableStateStartsOver() throws IOException {
        prepare();
        writeResults(6);
        Files.writeString(files.state(), "{not json");
        assertThat(prepare()).isEqualTo(ResultsPrefix.NONE);
    }
}
