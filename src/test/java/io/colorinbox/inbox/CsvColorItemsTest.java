package io.colorinbox.inbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.colorinbox.inbox.JsonColorItemsTest.failure;
import static io.colorinbox.inbox.ListFiles.colors;
import static io.colorinbox.inbox.ListFiles.readAll;
import static io.colorinbox.inbox.ListFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

class CsvColorItemsTest {

    @TempDir
    Path dir;

    @Test
    void takesTheColorColumnNamedByTheHeader() throws IOException {
        Path file = write(dir, "colors.csv", """
                id, Color ,note
                1,red,first
                2,  light blue  ,second
                3,#ff0000,hex is not a comment in CSV
                """);

        assertThat(readAll(file)).containsExactly(
                ColorItem.of(0, "red"), ColorItem.of(1, "light blue"), ColorItem.of(2, "#ff0000"));
    }

    @Test
    void withoutAHeaderTakesTheFirstColumnOfEveryRow() throws IOException {
        Path file = write(dir, "colors.CSV", "red,1\n#00ff00,2\nblue\n");

        assertThat(colors(file)).containsExactly("red", "#00ff00", "blue");
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws IOException {
        Path file = write(dir, "colors.csv", """
                color,note
                "dark red, almost brown",x
                "the ""best"" blue",y
                "two
                lines",z
                 "spaced, out" ,w
                """);

        assertThat(colors(file)).containsExactly(
                "dark red, almost brown", "the \"best\" blue", "two\nlines", "spaced, out");
    }

    @Test
    void acceptsCrlf() throws IOException {
        assertThat(colors(write(dir, "colors.csv", "id,color\r\n1,red\r\n2,blue\r\n"))).containsExactly("red", "blue");
    }

    @Test
    void skipsBlankRowsAndBlankColorCells() throws IOException {
        Path file = write(dir, "colors.csv", "\n  \nid,color\n1,red\n,\n\n2,\n3,blue\n");

        assertThat(readAll(file)).containsExactly(ColorItem.of(0, "red"), ColorItem.of(1, "blue"));
    }

    @Test
    void rejectsRowsTooShortToHaveTheColorColumn() throws IOException {
        Path file = write(dir, "colors.csv", "id,color,note\n1,red,a\n2\n3,blue\n");

        assertThat(readAll(file)).containsExactly(
                ColorItem.of(0, "red"),
                ColorItem.rejected(1, "", "row 3 has no 'color' column (it has 1 fields)"),
                ColorItem.of(2, "blue"));
    }

    @Test
    void rejectsTooLongValues() throws IOException {
        List<ColorItem> items = readAll(write(dir, "colors.csv", "color\n" + "z".repeat(300) + "\n"));

        assertThat(items).containsExactly(
                ColorItem.rejected(0, "z".repeat(64) + "…", "item is 300 characters long (the limit is 256)"));
    }

    @Test
    void anUnterminatedQuoteIsABadListPointingAtItsRow() {
        List<ColorItem> before = new ArrayList<>();
        BadListException e = failure(write(dir, "colors.csv", "color\nred\n\"blue\ngreen\nyellow\n"), before);

        assertThat(before).containsExactly(ColorItem.of(0, "red"));
        assertThat(e).hasMessage("invalid CSV: Missing closing quote for value");
        assertThat(e.location()).isEqualTo("line 6 (in the row starting on line 3)");
    }

    @Test
    void textAfterAClosingQuoteIsABadList() {
        BadListException e = failure(write(dir, "colors.csv", "red\n\"blue\"x,1\n"));

        assertThat(e.getMessage()).startsWith("invalid CSV: Unexpected character ('x'");
        assertThat(e.location()).isEqualTo("line 2");
    }

    @Test
    void emptyAndWhitespaceOnlyFilesAreEmptyLists() throws IOException {
        assertThat(readAll(write(dir, "empty.csv", ""))).isEmpty();
        assertThat(readAll(write(dir, "blank.csv", "  \n\r\n \t \n"))).isEmpty();
        assertThat(readAll(write(dir, "header-only.csv", "id,color\n"))).isEmpty();
    }
}
