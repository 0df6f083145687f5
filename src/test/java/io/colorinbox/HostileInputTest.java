package io.colorinbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.colorinbox.support.InboxFolders;
import io.colorinbox.support.StubColorApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * Whatever lands in the inbox ends as a complete output, a per-item error, or the file in the error
 * folder with a report, and the route keeps serving other files.
 */
@ExtendWith(OutputCaptureExtension.class)
@AppTest
@TestPropertySource(properties = {
    "colors.concurrency=8",
    "colors.progress.interval=200ms"})
class HostileInputTest extends LoopbackApiTest {

    static final InboxFolders FOLDERS = InboxFolders.createTemp("color-inbox-hostile");

    @Test
    void hiddenAndTempNamesAreLeftAlone() throws IOException {
        Files.createDirectories(FOLDERS.inbox());
        for (String name : List.of(".hidden.txt", "upload.txt.part", "export.tmp")) {
            Files.writeString(FOLDERS.inbox().resolve(name), "red\n");
        }
        FOLDERS.drop("visible.txt", "red\n");

        FOLDERS.awaitOutput("visible.json");

        for (String name : List.of(".hidden.txt", "upload.txt.part", "export.tmp")) {
            assertThat(FOLDERS.inbox().resolve(name)).exists();
        }
        assertThat(API.requests()).hasSize(1);
    }

    @Test
    void whitespaceOnlyIsAnEmptyList() {
        FOLDERS.drop("spaces.txt", "  \n\t\n \r\n");
        assertThat(FOLDERS.awaitOutput("spaces.json").get("total").asInt()).isZero();
    }

    @Test
    void invalidUtf8GoesToTheErrorFolder() throws IOException {
        FOLDERS.drop("latin1.txt", new byte[] {'r', 'e', 'd', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n'});
        Path report = FOLDERS.awaitFile(FOLDERS.error().resolve("latin1.txt.error.txt"));
        assertThat(Files.readString(report)).contains("not valid UTF-8").contains("line 2");
        FOLDERS.awaitFile(FOLDERS.error().resolve("latin1.txt"));
    }

    @Test
    void utf16WithBomIsRead() {
        byte[] text = "red\r\nblue\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[text.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(text, 0, withBom, 2, text.length);
        FOLDERS.drop("utf16.txt", withBom);

        assertThat(ColorInboxRouteTest.colors(FOLDERS.awaitOutput("utf16.json"))).containsExactly("red", "blue");
    }

    @Test
    void aFiftyMegabyteLineIsOneRejectedItem() throws IOException {
        Path temp = FOLDERS.inbox().resolve(".huge.tmp");
        Files.createDirectories(FOLDERS.inbox());
        try (OutputStream out = Files.newOutputStream(temp)) {
            byte[] chunk = "abcdefghij".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 50; i++) {
                out.write(chunk);
            }
            out.write("\nred\n".getBytes(StandardCharsets.US_ASCII));
        }
        Files.move(temp, FOLDERS.inbox().resolve("huge.txt"));

        JsonNode results = FOLDERS.awaitOutput("huge.json", Duration.ofSeconds(60)).get("results");

        assertThat(results.get(0).get("ok").asBoolean()).isFalse();
        assertThat(results.get(0).get("error").asText()).contains("50000000 characters");
        assertThat(results.get(0).get("color").asText().length()).isLessThan(100);
        assertThat(results.get(1).get("color").asText()).isEqualTo("red");
        assertThat(API.requests()).extracting(StubColorApi.Request::decodedSegment).containsExactly("red");
    }

    @Test
    void aHundredThousandCharacterLineIsRejectedWithoutACall() {
        FOLDERS.drop("long.txt", "y".repeat(100_000) + "\nnavy\n");
        JsonNode results = FOLDERS.awaitOutput("long.json").get("results");
        assertThat(results.get(0).get("error").asText()).contains("100000 characters");
        assertThat(results.get(1).get("ok").asBoolean()).isTrue();
    }

    @Test
    void nonStringsInAJsonArrayAreItemErrors() {
        FOLDERS.drop("mixed.json", "[\"red\", 42, null, {\"a\": [1]}, [\"x\"], true, \"blue\"]");

        JsonNode results = FOLDERS.awaitOutput("mixed.json").get("results");

        assertThat(results).hasSize(7);
        assertThat(results.get(1).get("error").asText()).contains("number");
        assertThat(results.get(2).get("error").asText()).contains("null");
        assertThat(results.get(3).get("error").asText()).contains("object");
        assertThat(results.get(6).get("ok").asBoolean()).isTrue();
        assertThat(API.requests()).hasSize(2);
    }

    @Test
    void aJsonObjectWithoutColorsGoesToTheErrorFolder() throws IOException {
        FOLDERS.drop("nocolors.json", "{\"colours\": [\"red\"]}");
        Path report = FOLDERS.awaitFile(FOLDERS.error().resolve("nocolors.json.error.txt"));
        assertThat(Files.readString(report)).contains("no \"colors\" array");
    }

    @Test
    void raggedCsvRowsAreItemErrorsAndAnUnterminatedQuoteIsAFileError() throws IOException {
        FOLDERS.drop("ragged.csv", "id,color\n1,red\n2\n3,blue\n");
        FOLDERS.drop("unterminated.csv", "color\nred\n\"blue\n");

        JsonNode results = FOLDERS.awaitOutput("ragged.json").get("results");
        assertThat(results.get(1).get("error").asText()).contains("no 'color' column");
        assertThat(results.get(2).get("color").asText()).isEqualTo("blue");
        Path report = FOLDERS.awaitFile(FOLDERS.error().resolve("unterminated.csv.error.txt"));
        assertThat(Files.readString(report)).contains("invalid CSV").contains("line");
    }

    @Test
    void oddFileNamesWork() {
        String name = "my list ü 100% ${date:now}.txt";
        FOLDERS.drop(name, "red\n");

        JsonNode out = FOLDERS.awaitOutput("my list ü 100% ${date:now}.json");

        assertThat(out.get("source").asText()).isEqualTo(name);
        FOLDERS.awaitFile(FOLDERS.done().resolve(name));
    }

    @Test
    void duplicateItemsEachKeepTheirOwnResultFromOneCall() {
        FOLDERS.drop("dupes.txt", "red\nred\nblue\nred\n");

        JsonNode out = FOLDERS.awaitOutput("dupes.json");

        assertThat(ColorInboxRouteTest.colors(out)).containsExactly("red", "red", "blue", "red");
        assertThat(out.get("succeeded").asInt()).isEqualTo(4);
        // colors.repeats=call-once (the default); RepeatedItemsTest has the rest
        assertThat(API.callsFor("red")).isEqualTo(1);
        assertThat(out.get("reused").asInt()).isEqualTo(2);
    }

    @Test
    void aSymbolicLinkIsNotFollowed() throws IOException {
        Path outside = Files.createTempFile("outside-the-inbox", ".txt");
        Files.writeString(outside, "secret-colors\n");
        Files.createDirectories(FOLDERS.inbox());
        Files.createSymbolicLink(FOLDERS.inbox().resolve("link.txt"), outside);

        Path report = FOLDERS.awaitFile(FOLDERS.error().resolve("link.txt.error.txt"));

        assertThat(Files.readString(report)).contains("symbolic link");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.isSymbolicLink(FOLDERS.error().resolve("link.txt")));
        assertThat(FOLDERS.inbox().resolve("link.txt")).doesNotExist();
        assertThat(outside).hasContent("secret-colors\n");
        assertThat(API.requests()).isEmpty();
    }

    @Test
    void aFolderDroppedIntoTheInboxIsReportedAndLeftAlone(CapturedOutput log) throws IOException {
        Files.createDirectories(FOLDERS.inbox().resolve("a folder"));
        Files.writeString(FOLDERS.inbox().resolve("a folder").resolve("inside.txt"), "red\n");

        await().atMost(Duration.ofSeconds(10)).until(() -> log.getOut().contains("a folder is a folder"));

        assertThat(FOLDERS.inbox().resolve("a folder").resolve("inside.txt")).exists();
        // and the route keeps serving files
        FOLDERS.drop("beside-folder.txt", "red\n");
        assertThat(FOLDERS.awaitOutput("beside-folder.json").get("total").asInt()).isEqualTo(1);
    }
}
