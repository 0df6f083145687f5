package io.colorinbox.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.colorinbox.api.ColorResult;
import org.junit.jupiter.api.Test;

class ItemOutcomeTest {

    @Test
    void readFromTheResult() {
        assertThat(ItemOutcome.of(new ColorResult(0, "red", true, 200, 5, 1, null, null))).isEqualTo(ItemOutcome.OK);
        assertThat(ItemOutcome.of(new ColorResult(0, "x", false, 404, 5, 1, "HTTP 404", null))).isEqualTo(ItemOutcome.HTTP_ERROR);
        assertThat(ItemOutcome.of(new ColorResult(0, "x", false, 503, 5, 3, "HTTP 503", null))).isEqualTo(ItemOutcome.HTTP_ERROR);
        assertThat(ItemOutcome.of(new ColorResult(0, "x", false, null, 5, 3, "timeout: no answer within 10000 ms", null)))
                .isEqualTo(ItemOutcome.TIMEOUT);
        assertThat(ItemOutcome.of(new ColorResult(0, "x", false, null, 5, 3, "API unreachable: Connection refused", null)))
                .isEqualTo(ItemOutcome.CONNECTION_ERROR);
        assertThat(ItemOutcome.of(new ColorResult(0, "x", false, null, 5, 3, "the API closed the connection without answering", null)))
                .isEqualTo(ItemOutcome.CONNECTION_ERROR);
        assertThat(ItemOutcome.of(ColorResult.rejected(0, "..", "not a color"))).isEqualTo(ItemOutcome.REJECTED);
    }
}
