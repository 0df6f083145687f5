package io.colorinbox.repeats;

import io.colorinbox.api.ColorResult;

/**
 * An answer kept for reuse: the result of the call that got it, and about how many bytes it holds on the heap.
 * The weight is an estimate (the key's chars, the answer's body a few times over for its parsed tree, a fixed
 * overhead for the objects around them); the bounds in bytes are as exact as it is.
 */
record KeptAnswer(ColorResult result, int weight) {

    /** @param bodyBytes the size of the answer's body as it came (a picked part keeps less: an estimate on the safe side) */
    static KeptAnswer of(String key, ColorResult result, long bodyBytes) {
        long estimate = 240 + 2L * key.length() + 2L * result.color().length() + 6 * bodyBytes;
        return new KeptAnswer(result, (int) Math.min(Integer.MAX_VALUE, estimate));
    }
}
