package io.colorinbox.inbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.colorinbox.inbox.JsonColorItemsTest.failure;
import static io.colorinbox.inbox.ListFiles.bytes;
import static io.colorinbox.inbox.ListFiles.colors;
import static io.colorinbox.inbox.ListFiles.readAll;
import static io.colorinbox.inbox.ListFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

/** Encoding rules shared by every format: BOMs, strict UTF-8, no NUL. */
class TextDecodingTest {

    private static final byte[] UTF8_BOM = bytes(0xEF, 0xBB, 0xBF);
    private static final byte[] UTF16BE_BOM = bytes(0xFE, 0xFF);
    private static final byte[] UTF16LE_BOM = bytes(0xFF, 0xFE);

    @TempDir
    Path dir;

    @Test
    void skipsAUtf8Bom() throws IOException {
        assertThat(colors(write(dir, "a.txt", "red\nblüe\n", StandardCharsets.UTF_8, UTF8_BOM)))
                .containsExactly("red", "blüe");
        assertThat(colors(write(dir, "a.json", "[\"red\"]", StandardCharsets.UTF_8, UTF8_BOM)))
                .containsExactly("red");
        // Without the BOM skipped, the header would read "\uFEFFcolor" and not be recognized.
        assertThat(colors(write(dir, "a.csv", "color\nred\n", StandardCharsets.UTF_8, UTF8_BOM)))
                .containsExactly("red");
    }

    @ParameterizedTest
    @ValueSource(strings = {"txt", "json", "csv"})
    void decodesUtf16WithABom(String extension) throws IOException {
        String content = switch (extension) {
            case "json" -> "[\"red\", \"grün\", \"\uD83D\uDFE5\"]";
            case "csv" -> "color\r\nred\r\ngrün\r\n\uD83D\uDFE5\r\n";
            default -> "red\r\ngrün\r\n\uD83D\uDFE5\r\n";
        };

        assertThat(colors(write(dir, "le." + extension, content, StandardCharsets.UTF_16LE, UTF16LE_BOM)))
                .containsExactly("red", "grün", "\uD83D\uDFE5");
        assertThat(colors(write(dir, "be." + extension, content, StandardCharsets.UTF_16BE, UTF16BE_BOM)))
                .containsExactly("red", "grün", "\uD83D\uDFE5");
    }

    @Test
    void aBomAloneIsAnEmptyList() throws IOException {
        assertThat(readAll(write(dir, "bom.txt", UTF8_BOM))).isEmpty();
        assertThat(readAll(write(dir, "bom.json", UTF16LE_BOM))).isEmpty();
        assertThat(readAll(write(dir, "bom.csv", UTF16BE_BOM))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"txt", "json", "csv"})
    void invalidUtf8IsABadListSayingWhere(String extension) {
        // Latin-1 "é" (0xE9) on line 3, at byte 12.
        String head = extension.equals("json") ? "[\"red\",\n\"green\",\n\"" : "red\ngreen\n";
        byte[] prefix = head.getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[prefix.length + 3];
        System.arraycopy(prefix, 0, file, 0, prefix.length);
        file[prefix.length] = 'b';
        file[prefix.length + 1] = (byte) 0xE9;
        file[prefix.length + 2] = '\n';

        BadListException e = failure(write(dir, "latin1." + extension, file));

        assertThat(e).hasMessage("not valid UTF-8");
        assertThat(e.location()).isEqualTo("line 3 (byte offset " + (prefix.length + 1) + ")");
    }

    @Test
    void aTruncatedSequenceAtTheEndIsInvalidUtf8() {
        BadListException e = failure(write(dir, "cut.txt", bytes('r', 'e', 'd', '\n', 0xE2, 0x82)));

        assertThat(e).hasMessage("not valid UTF-8");
        assertThat(e.location()).isEqualTo("line 2 (byte offset 4)");
    }

    @Test
    void invalidUtf8ReturnsTheItemsBeforeIt() {
        List<ColorItem> before = new ArrayList<>();
        BadListException e = failure(write(dir, "late.txt", bytes('a', '\n', 'b', '\n', 0xFF)), before);

        assertThat(before).containsExactly(ColorItem.of(0, "a"), ColorItem.of(1, "b"));
        assertThat(e.location()).isEqualTo("line 3 (byte offset 4)");
    }

    @Test
    void anOddByteCountIsInvalidUtf16() {
        byte[] file = bytes(0xFF, 0xFE, 'r', 0, '\n', 0, 'x');

        assertThat(failure(write(dir, "odd.txt", file))).hasMessage("not valid UTF-16");
    }

    @ParameterizedTest
    @ValueSource(strings = {"txt", "json", "csv"})
    void aNulByteIsBinaryContent(String extension) {
        String head = extension.equals("json") ? "[\"red\",\n\"" : "red\n";
        byte[] prefix = head.getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[prefix.length + 4];
        System.arraycopy(prefix, 0, file, 0, prefix.length);
        System.arraycopy(bytes('P', 'K', 0, 3), 0, file, prefix.length, 4);

        BadListException e = failure(write(dir, "binary." + extension, file));

        assertThat(e).hasMessage("binary content (NUL byte)");
        assertThat(e.location()).isEqualTo("line 2");
    }

    @Test
    void aNulInUtf16IsBinaryContentToo() {
        byte[] file = bytes(0xFE, 0xFF, 0, 'a', 0, '\r', 0, '\n', 0, 0);

        BadListException e = failure(write(dir, "binary.txt", file));

        assertThat(e).hasMessage("binary content (NUL byte)");
        assertThat(e.location()).isEqualTo("line 2");
    }

    @Test
    void multiByteCharactersAcrossReadBuffersDecodeFine() throws IOException {
        // 3-byte chars never line up with the 8 KiB read buffer, so some are split between two reads.
        String line = "\u20AC".repeat(100);
        String content = (line + "\n").repeat(500);

        List<String> colors = colors(write(dir, "euros.txt", content));

        assertThat(colors).hasSize(500).allMatch(line::equals);
    }
}
