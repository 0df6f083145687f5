package io.colorinbox.support;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Text lists for tests: {@code prefix-0 ... prefix-(n-1)}, one per line. */
public final class ListBodies {

    private ListBodies() {
    }

    public static String lines(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + "-" + i).collect(Collectors.joining("\n"));
    }
}
