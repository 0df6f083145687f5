package io.colorinbox.outbox;

/**
 * The part of a file's temp results that a restart keeps: the first {@code items} results, in input
 * order, taking {@code bytes} bytes of the results file; {@code reused} of them reused an answer (no call).
 */
public record ResultsPrefix(int items, long bytes, int succeeded, int failed, int reused) {

    public static final ResultsPrefix NONE = new ResultsPrefix(0, 0, 0, 0, 0);
}
