package io.colorinbox.inbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.colorinbox.inbox.ListFiles.colors;
import static io.colorinbox.inbox.ListFiles.readAll;
import static io.colorinbox.inbox.ListFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsonColorItemsTest {

    @TempDir
    Path dir;

    @Test
    void readsAnArrayOfStrings() throws IOException {
        Path file = write(dir, "colors.json", """
                ["red", "  light green\\t", "#0000ff"]
                """);

        assertThat(readAll(file)).containsExactly(
                ColorItem.of(0, "red"), ColorItem.of(1, "light green"), ColorItem.of(2, "#0000ff"));
    }

    @Test
    void readsTheColorsFieldOfAnObjectAndSkipsTheOtherFields() throws IOException {
        Path file = write(dir, "colors.JSON", """
                {
                  "name": "palette",
                  "meta": {"colors": ["not", "these"], "tags": [1, [2, 3]]},
                  "colors": ["red", "blue"],
                  "after": [{"x": "y"}],
                  "count": 2
                }
                """);

        assertThat(readAll(file)).containsExactly(ColorItem.of(0, "red"), ColorItem.of(1, "blue"));
    }

    @Test
    void rejectsNonStringElementsAndGoesOn() throws IOException {
        Path file = write(dir, "colors.json", """
                ["red", 42, null, true, {"a": [1, 2]}, [3, [4]], 1.5, "blue"]
                """);

        assertThat(readAll(file)).containsExactly(
                ColorItem.of(0, "red"),
                ColorItem.rejected(1, "42", "item is a number, not a string"),
                ColorItem.rejected(2, "null", "item is null, not a string"),
                ColorItem.rejected(3, "true", "item is a boolean, not a string"),
                ColorItem.rejected(4, "{...}", "item is an object, not a string"),
                ColorItem.rejected(5, "[...]", "item is an array, not a string"),
                ColorItem.rejected(6, "1.5", "item is a number, not a string"),
                ColorItem.of(7, "blue"));
    }

    @Test
    void skipsBlankStringsWithoutUsingAnIndex() throws IOException {
        assertThat(readAll(write(dir, "colors.json", "[\"\", \"red\", \"  \\n \", \"blue\"]")))
                .containsExactly(ColorItem.of(0, "red"), ColorItem.of(1, "blue"));
    }

    @Test
    void rejectsTooLongStringsWithAShortPreview() throws IOException {
        String longest = "x".repeat(256);
        Path file = write(dir, "colors.json", "[\"" + longest + "\", \"  " + "y".repeat(5000) + " \"]");

        assertThat(readAll(file)).containsExactly(
                ColorItem.of(0, longest),
                ColorItem.rejected(1, "y".repeat(64) + "…", "item is 5000 characters long (the limit is 256)"));
    }

    @Test
    void anObjectWithoutColorsIsABadList() {
        BadListException e = failure(write(dir, "colors.json", "{\"name\": \"x\", \"items\": [\"red\"]}"));

        assertThat(e).hasMessage("JSON object has no \"colors\" array");
        assertThat(e.location()).startsWith("line 1, column ");
    }

    @Test
    void colorsThatIsNotAnArrayIsABadList() {
        assertThat(failure(write(dir, "colors.json", "{\"colors\": \"red\"}")))
                .hasMessage("\"colors\" is a string, not an array of strings");
    }

    @Test
    void aTopLevelScalarIsABadList() {
        BadListException e = failure(write(dir, "colors.json", "  42  "));

        assertThat(e).hasMessage("expected a JSON array of strings or an object with a \"colors\" array");
        assertThat(e.location()).isEqualTo("line 1, column 3 (byte offset 2)");
    }

    @Test
    void aSyntaxErrorSaysWhereItIs() throws IOException {
        Path file = write(dir, "colors.json", "[\"red\",\n \"é\", x]");

        List<ColorItem> before = new ArrayList<>();
        BadListException e = failure(file, before);

        assertThat(before).containsExactly(ColorItem.of(0, "red"), ColorItem.of(1, "é"));
        assertThat(e.getMessage()).startsWith("invalid JSON: Unrecognized token 'x'").doesNotContain("Source");
        // Jackson 2.21 (with Spring Boot 3.5.16) points at the start of the bad token: char 14 is byte 15 because "é" is 2 bytes in UTF-8.
        assertThat(e.location()).isEqualTo("line 2, column 7 (byte offset 15)");
    }

    @Test
    void anUnclosedArrayIsASyntaxError() {
        BadListException e = failure(write(dir, "colors.json", "[\"red\",\n \"blue\""));

        assertThat(e.getMessage())
                .startsWith("invalid JSON: Unexpected end-of-input: expected close marker for Array")
                .doesNotContain("REDACTED");
        assertThat(e.location()).startsWith("line 2, column ");
    }

    @Test
    void contentAfterTheTopLevelValueIsABadList() {
        assertThat(failure(write(dir, "colors.json", "[\"red\"] x")).getMessage()).startsWith("invalid JSON: ");
        BadListException second = failure(write(dir, "second.json", "[\"red\"]\n[\"blue\"]"));
        assertThat(second).hasMessage("invalid JSON: unexpected content after the end of the top-level value");
        assertThat(second.location()).isEqualTo("line 2, column 1 (byte offset 8)");
    }

    @Test
    void aSecondColorsFieldIsABadList() {
        assertThat(failure(write(dir, "colors.json", "{\"colors\": [\"red\"], \"colors\": []}")))
                .hasMessage("JSON object has more than one \"colors\" field");
    }

    @Test
    void commentsAreNotJson() {
        assertThat(failure(write(dir, "colors.json", "// colors\n[\"red\"]")).getMessage())
                .startsWith("invalid JSON: ");
    }

    @Test
    void emptyAndWhitespaceOnlyFilesAreEmptyLists() throws IOException {
        assertThat(readAll(write(dir, "empty.json", ""))).isEmpty();
        assertThat(readAll(write(dir, "blank.json", " \n\t\r\n"))).isEmpty();
        assertThat(readAll(write(dir, "array.json", "[]"))).isEmpty();
        assertThat(colors(write(dir, "object.json", "{\"colors\": []}"))).isEmpty();
    }

    static BadListException failure(Path file) {
        return failure(file, new ArrayList<>());
    }

    /** Reads {@code file} until it fails, collecting the items returned before the failure. */
    static BadListException failure(Path file, List<ColorItem> before) {
        return catchThrowableOfType(BadListException.class, () -> {
            try (ColorItems items = ColorListReader.open(file)) {
                items.forEachRemaining(before::add);
            }
        });
    }
}
