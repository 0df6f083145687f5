package io.colorinbox.repeats;

/** {@code colors.repeats}: what a list's identical items cost. */
public enum Repeats {

    /** Identical requests of one list are called once; the other rows get the same answer (the default). */
    CALL_ONCE,
    /** Every row is called, repeats included; nothing is reused, the cache across files neither. */
    CALL_EACH
}
