package io.colorinbox.api;

/** Exchange property names used while one item is being called. */
public final class CallProperties {

    /** The {@link io.colorinbox.inbox.ColorItem} being called (the body becomes the response). */
    public static final String ITEM = "colorsItem";
    /** {@link System#nanoTime()} when the first attempt started (after the wait for a place under the bound). */
    public static final String STARTED = "colorsCallStarted";
    /** Integer: failed attempts so far, kept by {@link ApiRetryPolicy}. */
    public static final String FAILED_ATTEMPTS = "colorsFailedAttempts";
    /** Boolean: whether the item passed the checks and is to be sent. */
    public static final String SEND = "colorsSend";

    private CallProperties() {
    }
}
