package io.colorinbox.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColorInfoTest {

    @Test
    void serializesToTheDocumentedShape() throws Exception {
        String json = new ObjectMapper().writeValueAsString(ColorInfo.of("yellow", "#ffff00"));

        assertThat(json).isEqualTo(
                "{\"name\":\"yellow\",\"hex\":\"#ffff00\",\"rgb\":{\"r\":255,\"g\":255,\"b\":0},\"hsl\":{\"h\":60,\"s\":100,\"l\":50}}");
    }

    @ParameterizedTest
    @CsvSource({
            "#ffff00, 255, 255,   0,  60, 100,  50",
            "#000000,   0,   0,   0,   0,   0,   0",
            "#ffffff, 255, 255, 255,   0,   0, 100",
            "#808080, 128, 128, 128,   0,   0,  50",
            "#ff0000, 255,   0,   0,   0, 100,  50",
            "#663399, 102,  51, 153, 270,  50,  40",
            "#dc143c, 220,  20,  60, 348,  83,  47",
            "#6495ed, 100, 149, 237, 219,  79,  66",
            "#ff0001, 255,   0,   1,   0, 100,  50"})
    void convertsToRgbAndHsl(String hex, int r, int g, int b, int h, int s, int l) {
        ColorInfo info = ColorInfo.of("x", hex);

        assertThat(info.rgb()).isEqualTo(new ColorInfo.Rgb(r, g, b));
        assertThat(info.hsl()).isEqualTo(new ColorInfo.Hsl(h, s, l));
    }

    @Test
    void keepsHueWithin0To359ForAllNamedColors() {
        CssColors colors = new CssColors();
        for (String name : colors.names()) {
            ColorInfo.Hsl hsl = colors.describe(name).orElseThrow().hsl();
            assertThat(hsl.h()).as(name).isBetween(0, 359);
            assertThat(hsl.s()).as(name).isBetween(0, 100);
            assertThat(hsl.l()).as(name).isBetween(0, 100);
        }
    }
}
