package io.colorinbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.colorinbox.inbox.ListFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "colors.txt                 | colors.txt",
        "../../etc/passwd           | passwd",
        "..\\\\..\\\\win.ini            | win.ini",
        "/abs/path/list.csv         | list.csv",
        ".hidden.txt                | hidden.txt",
        "'  spaced name.txt  '      | spaced name.txt",
        "<img src=x onerror=alert(1)>.txt | <img src=x onerror=alert(1)>.txt",
        "ünïcødé 色.txt              | ünïcødé 色.txt",
    })
    void keepsOnePlainFileName(String requested, String expected) {
        assertThat(SourceNames.of(requested, ListFormat.TXT, "0123456789abcdef")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "NULL | JSON | list-01234567.json",
        "''   | TXT  | list-01234567.txt",
        "..   | CSV  | list-01234567.csv",
        "a/.. | TXT  | list-01234567.txt",
        "'/'  | TXT  | list-01234567.txt",
    })
    void nothingUsableGivesAGeneratedName(String requested, ListFormat format, String expected) {
        assertThat(SourceNames.of(requested, format, "0123456789abcdef")).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void controlCharactersGoAndLengthIsBounded() {
        assertThat(SourceNames.of("a\u0000b\nc\u202Ed.txt", ListFormat.TXT, "id")).isEqualTo("abcd.txt");
        assertThat(SourceNames.of("x".repeat(500), ListFormat.TXT, "id")).hasSize(SourceNames.MAX_LENGTH);
    }
}
