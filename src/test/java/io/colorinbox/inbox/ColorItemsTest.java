package io.colorinbox.inbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

import static io.colorinbox.inbox.ListFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The iterator contract Camel's streaming splitter relies on. */
class ColorItemsTest {

    /** How many of this JVM's file descriptors are open on {@code file} (Linux: /proc/self/fd). */
    static long openHandlesTo(Path file) throws IOException {
        Path real = file.toRealPath();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(real);
                } catch (IOException gone) {
                    return false;
                }
            }).count();
        }
    }

    @TempDir
    Path dir;

    @Test
    void closesTheFileOnceTheItemsRunOut() throws IOException {
        ColorItems items = ColorListReader.open(write(dir, "colors.txt", "red\nblue\n"));

        assertThat(items.next()).isEqualTo(ColorItem.of(0, "red"));
        assertThat(items.next()).isEqualTo(ColorItem.of(1, "blue"));
        assertThat(openHandlesTo(dir.resolve("colors.txt"))).isOne();
        assertThat(items.hasNext()).isFalse();
        assertThat(openHandlesTo(dir.resolve("colors.txt"))).as("closed once the items ran out").isZero();
        assertThatThrownBy(items::next).isInstanceOf(NoSuchElementException.class);
        items.close();
        items.close();
    }

    @Test
    void closeIsIdempotentAndEndsTheIteration() throws IOException {
        ColorItems items = ColorListReader.open(write(dir, "colors.json", "[\"red\", \"blue\"]"));
        assertThat(items.hasNext()).isTrue();

        items.close();
        items.close();

        assertThat(openHandlesTo(dir.resolve("colors.json"))).isZero();
        assertThat(items.hasNext()).isFalse();
    }

    @Test
    void closesTheFileWhenReadingFails() throws IOException {
        ColorItems items = ColorListReader.open(write(dir, "colors.csv", "color\n\"red\n"));

        assertThatThrownBy(items::hasNext).isInstanceOf(BadListException.class);
        assertThat(openHandlesTo(dir.resolve("colors.csv"))).isZero();
        assertThat(items.hasNext()).isFalse();
    }

    @Test
    void hasNextDoesNotSkipItems() throws IOException {
        try (ColorItems items = ColorListReader.open(write(dir, "colors", "a\nb\n"))) {
            assertThat(items.hasNext()).isTrue();
            assertThat(items.hasNext()).isTrue();
            assertThat(items.next().color()).isEqualTo("a");
            assertThat(items.next().color()).isEqualTo("b");
        }
    }

    @Test
    void aLargeListHasConsecutiveIndexes() throws IOException {
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            content.append(i % 10 == 0 ? "# comment\n\n" : "").append("color ").append(i).append('\n');
        }
        int expected = 0;
        try (ColorItems items = ColorListReader.open(write(dir, "many.txt", content.toString()))) {
            while (items.hasNext()) {
                ColorItem item = items.next();
                assertThat(item.index()).isEqualTo(expected);
                assertThat(item.color()).isEqualTo("color " + expected);
                expected++;
            }
        }
        assertThat(expected).isEqualTo(20_000);
    }

    @Test
    void anEmptyFileHasNoItemsAndFullProgress() throws IOException {
        try (ColorItems items = ColorListReader.open(write(dir, "empty.txt", ""))) {
            assertThat(items.hasNext()).isFalse();
            assertThat(items.bytesRead()).isZero();
        }
    }
}
