package io.colorinbox.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Strict RFC 3986 decoding of a raw query, as a test checks what an API received: '+' is a plus. */
public final class QueryStrings {

    private QueryStrings() {
    }

    /** The parameters in order; asserts that each has a value and none comes twice. */
    public static Map<String, String> decode(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&", -1)) {
            int eq = pair.indexOf('=');
            assertThat(eq).as("every parameter has a value: " + rawQuery).isPositive();
            assertThat(params.put(percentDecode(pair.substring(0, eq)), percentDecode(pair.substring(eq + 1))))
                    .as("no parameter twice: " + rawQuery).isNull();
        }
        return params;
    }

    static String percentDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
