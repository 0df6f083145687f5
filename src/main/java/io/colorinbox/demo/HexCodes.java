package io.colorinbox.demo;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses the hex codes the demo API accepts: {@code #rgb} and {@code #rrggbb}, any letter case. */
final class HexCodes {

    // Explicit ASCII ranges: \p{XDigit} or Character.digit would also accept other scripts' digits.
    private static final Pattern HEX_CODE = Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})");

    private HexCodes() {
    }

    /** The code as lower-case {@code #rrggbb}, or empty when {@code text} is not a hex code. */
    static Optional<String> normalize(String text) {
        if (text == null || !HEX_CODE.matcher(text).matches()) {
            return Optional.empty();
        }
        String digits = text.substring(1).toLowerCase(Locale.ROOT);
        if (digits.length() == 3) {
            digits = "" + digits.charAt(0) + digits.charAt(0)
                    + digits.charAt(1) + digits.charAt(1)
                    + digits.charAt(2) + digits.charAt(2);
        }
        return Optional.of("#" + digits);
    }
}
