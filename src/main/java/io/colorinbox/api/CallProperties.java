package io.colorinbox.api;

/** Exchange property names used while one item is being called. */
public final class CallProperties {

    /** The {@link io.colorinbox.inbox.ColorItem} being called (the body becomes the response). */
    public static final String ITEM = "colorsItem";
    /** {@link System#nanoTime()} when the first attempt started (after the wait for a place under the bound). */
    public static final String STARTED = "colorsCallStarted";
    /** Integer: failed attempts so far, kept by {@link ApiRetryPolicy}. */
    public static final String FAILED_ATTEMPTS = "colorsFailedAttempts";
    /** Integer: the size in bytes of the 2xx answer's body, as it came (set where the answer is mapped). */
    public static final String ANSWER_BYTES = "colorsAnswerBytes";
    /** Boolean: whether the item passed the checks and is to be sent. */
    public static final String SEND = "colorsSend";

    private CallProperties() {
    }
}
