package io.colorinbox.inbox;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ListFormatTest {

    @Test
    void choosesTheFormatFromTheExtensionInAnyCase() {
        assertThat(ListFormat.of("colors.json")).isEqualTo(ListFormat.JSON);
        assertThat(ListFormat.of("COLORS.JSON")).isEqualTo(ListFormat.JSON);
        assertThat(ListFormat.of("colors.csv")).isEqualTo(ListFormat.CSV);
        assertThat(ListFormat.of("Colors.Csv")).isEqualTo(ListFormat.CSV);
    }

    @Test
    void anythingElseIsPlainText() {
        assertThat(ListFormat.of("colors.txt")).isEqualTo(ListFormat.TXT);
        assertThat(ListFormat.of("colors")).isEqualTo(ListFormat.TXT);
        assertThat(ListFormat.of("colors.json.bak")).isEqualTo(ListFormat.TXT);
        assertThat(ListFormat.of("")).isEqualTo(ListFormat.TXT);
    }
}
