package io.colorinbox.limit;

import java.util.Locale;

/**
 * {@code colors.concurrency}: a fixed bound on API calls in flight ({@code 64}), or {@code auto}, a bound that finds
 * the API's capacity by itself within {@code colors.adaptive.*} ({@link AdaptiveProperties}).
 *
 * @param fixed the bound, or 0 for {@code auto}
 */
public record Concurrency(int fixed) {

    public static final Concurrency AUTO = new Concurrency(0);

    /** Bounds of a fixed value, also checked at start (a value outside fails naming the key). */
    public static final int MAX_FIXED = 10_000;

    public boolean auto() {
        return fixed == 0;
    }

    /** {@code auto} or a whole number; anything else names what is accepted. */
    public static Concurrency parse(String text) {
        String value = text == null ? "" : text.strip();
        if (value.toLowerCase(Locale.ROOT).equals("auto")) {
            return AUTO;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= MAX_FIXED) {
                return new Concurrency(n);
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new IllegalArgumentException("'" + value + "' is neither auto nor a whole number from 1 to " + MAX_FIXED);
    }

    @Override
    public String toString() {
        return auto() ? "auto" : String.valueOf(fixed);
    }
}
