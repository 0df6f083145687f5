package io.colorinbox.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CssColorsTest {

    private final CssColors colors = new CssColors();

    @Test
    void hasExactlyTheCssLevel4Names() {
        assertThat(colors.size()).isEqualTo(148);
        assertThat(colors.names()).hasSize(148).doesNotHaveDuplicates()
                .startsWith("aliceblue", "antiquewhite")
                .endsWith("yellow", "yellowgreen")
                .contains("gray", "grey", "darkslategray", "darkslategrey", "rebeccapurple", "cyan", "aqua");
        assertThat(colors.names()).allMatch(name -> name.matches("[a-z]+"));
    }

    @Test
    void looksNamesUpIgnoringCase() {
        assertThat(colors.hexOf("yellow")).contains("#ffff00");
        assertThat(colors.hexOf("YeLLoW")).contains("#ffff00");
        assertThat(colors.hexOf("RebeccaPurple")).contains("#663399");
        assertThat(colors.hexOf("grey")).isEqualTo(colors.hexOf("gray"));
    }

    @Test
    void matchesAsciiCaseOnly() {
        // U+212A KELVIN SIGN lower-cases to 'k' with String.toLowerCase.
        assertThat(colors.hexOf("\u212Ahaki")).isEmpty();
        assertThat(colors.hexOf(" red")).isEmpty();
        assertThat(colors.hexOf("")).isEmpty();
        assertThat(colors.hexOf(null)).isEmpty();
    }

    @Test
    void namesAHexByTheFirstAliasInListOrder() {
        assertThat(colors.describe("#00ffff")).hasValueSatisfying(info -> assertThat(info.name()).isEqualTo("aqua"));
        assertThat(colors.describe("#FF00FF")).hasValueSatisfying(info -> assertThat(info.name()).isEqualTo("fuchsia"));
        assertThat(colors.describe("#808080")).hasValueSatisfying(info -> assertThat(info.name()).isEqualTo("gray"));
        assertThat(colors.describe("#f00")).hasValueSatisfying(info -> assertThat(info.name()).isEqualTo("red"));
        assertThat(colors.describe("#123456")).hasValueSatisfying(info -> assertThat(info.name()).isEqualTo("#123456"));
    }

    @Test
    void describesNamesAsThemselves() {
        assertThat(colors.describe("Cyan")).hasValueSatisfying(info -> {
            assertThat(info.name()).isEqualTo("cyan");
            assertThat(info.hex()).isEqualTo("#00ffff");
        });
        assertThat(colors.describe("grey").map(ColorInfo::name)).contains("grey");
    }

    @Test
    void describesHexCodes() {
        assertThat(colors.describe("#FF0000").map(ColorInfo::name)).contains("red");
        assertThat(colors.describe("#ff0").map(ColorInfo::hex)).contains("#ffff00");
        assertThat(colors.describe("#AbC")).hasValueSatisfying(info -> {
            assertThat(info.name()).isEqualTo("#aabbcc");
            assertThat(info.hex()).isEqualTo("#aabbcc");
        });
    }

    @Test
    void rejectsWhatIsNeitherNameNorHex() {
        assertThat(colors.describe("#ff00")).isEmpty();
        assertThat(colors.describe("#ff00000")).isEmpty();
        assertThat(colors.describe("#ggg")).isEmpty();
        assertThat(colors.describe("ff0000")).isEmpty();
        assertThat(colors.describe("#\uFF10\uFF10\uFF10")).isEmpty(); // full-width digits
        assertThat(colors.describe("../../admin")).isEmpty();
    }
}
