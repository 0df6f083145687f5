package io.colorinbox.inbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static io.colorinbox.inbox.ListFiles.colors;
import static io.colorinbox.inbox.ListFiles.readAll;
import static io.colorinbox.inbox.ListFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

class TextColorItemsTest {

    @TempDir
    Path dir;

    @Test
    void readsOneColorPerLineWithConsecutiveIndexes() throws IOException {
        Path file = write(dir, "colors.txt", "red\ngreen\nblue\n");

        assertThat(readAll(file)).containsExactly(
                ColorItem.of(0, "red"), ColorItem.of(1, "green"), ColorItem.of(2, "blue"));
    }

    @Test
    void aLineStartingWithHashIsACommentEvenIfItLooksLikeAHexColor() throws IOException {
        // The documented TXT rule; write hex colors in CSV or JSON, or without the '#'.
        assertThat(colors(write(dir, "colors.txt", "red\n#ff0000\nblue\n"))).containsExactly("red", "blue");
    }

    @Test
    void fileWithoutExtensionIsText() throws IOException {
        assertThat(colors(write(dir, "colors", "red\nblue"))).containsExactly("red", "blue");
    }

    @Test
    void acceptsCrlfAndLoneCrLineBreaksAndALastLineWithoutBreak() throws IOException {
        assertThat(colors(write(dir, "crlf.txt", "red\r\ngreen\r\n\r\nblue"))).containsExactly("red", "green", "blue");
        assertThat(colors(write(dir, "cr.txt", "red\rgreen\r\rblue\r"))).containsExactly("red", "green", "blue");
    }

    @Test
    void skipsBlankAndCommentLinesWithoutUsingAnIndex() throws IOException {
        Path file = write(dir, "colors.txt",
                "# my colors\n   \t\nred\n  # indented comment\n\n\u3000blue\u2003\n\u2003\n");

        assertThat(readAll(file)).containsExactly(ColorItem.of(0, "red"), ColorItem.of(1, "blue"));
    }

    @Test
    void stripsUnicodeWhitespace() throws IOException {
        assertThat(colors(write(dir, "colors.txt", "\t light blue \u2003\n"))).containsExactly("light blue");
    }

    @Test
    void acceptsExactly256CharactersAfterStrip() throws IOException {
        String longest = "x".repeat(256);
        Path file = write(dir, "colors.txt", "   " + longest + "   \n" + longest + "y\n");

        List<ColorItem> items = readAll(file);

        assertThat(items.get(0)).isEqualTo(ColorItem.of(0, longest));
        assertThat(items.get(1).problem()).isEqualTo("item is 257 characters long (the limit is 256)");
    }

    @Test
    void rejectsAVeryLongLineWithAShortPreview() throws IOException {
        Path file = write(dir, "colors.txt", "red\n  " + "a".repeat(100_000) + "  \nblue\n");

        assertThat(readAll(file)).containsExactly(
                ColorItem.of(0, "red"),
                ColorItem.rejected(1, "a".repeat(64) + "…", "item is 100000 characters long (the limit is 256)"),
                ColorItem.of(2, "blue"));
    }

    @Test
    void aLongCommentLineIsStillAComment() throws IOException {
        assertThat(colors(write(dir, "colors.txt", "#" + "-".repeat(10_000) + "\nred"))).containsExactly("red");
    }

    @Test
    void readsA50MegabyteSingleLineWithoutHoldingIt() throws IOException {
        Path file = dir.resolve("huge.txt");
        byte[] chunk = new byte[1024 * 1024];
        Arrays.fill(chunk, (byte) 'f');
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < 50; i++) {
                out.write(chunk);
            }
        }

        List<ColorItem> items = readAll(file);

        assertThat(items).hasSize(1);
        assertThat(items.get(0).problem()).isEqualTo("item is 52428800 characters long (the limit is 256)");
        assertThat(items.get(0).color()).hasSize(65);
    }

    @Test
    void countsBytesAndItemsForProgress() throws IOException {
        Path file = write(dir, "colors.txt", "red\ngreen\nblue\n");

        try (ColorItems items = ColorListReader.open(file)) {
            items.forEachRemaining(item -> { });
            assertThat(items.bytesRead()).isEqualTo("red\ngreen\nblue\n".getBytes(StandardCharsets.UTF_8).length);
        }
    }
}
