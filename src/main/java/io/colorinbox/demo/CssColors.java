package io.colorinbox.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 148 CSS Color Module Level 4 named colors, read once from {@value #RESOURCE} on the classpath
 * (so the jar works from any working directory). Names are matched case-insensitively (ASCII only).
 */
public final class CssColors {

    static final String RESOURCE = "css-colors.csv";

    private final Map<String, String> hexByName;
    private final Map<String, String> firstNameByHex;

    public CssColors() {
        this(RESOURCE);
    }

    CssColors(String resource) {
        Map<String, String> byName = new LinkedHashMap<>();
        Map<String, String> byHex = new LinkedHashMap<>();
        for (String[] entry : read(resource)) {
            byName.put(entry[0], entry[1]);
            // Aliases share a hex (aqua/cyan, gray/grey, ...): the first one in list order names it.
            byHex.putIfAbsent(entry[1], entry[0]);
        }
        this.hexByName = Collections.unmodifiableMap(byName);
        this.firstNameByHex = Collections.unmodifiableMap(byHex);
    }

    public int size() {
        return hexByName.size();
    }

    /** All names, lower case, in list order. */
    public List<String> names() {
        return List.copyOf(hexByName.keySet());
    }

    /** Lower-case {@code #rrggbb} for a CSS name in any letter case. */
    public Optional<String> hexOf(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(hexByName.get(asciiLowerCase(name)));
    }

    /** A CSS name or a hex code ({@code #rgb}, {@code #rrggbb}) described, or empty when it is neither. */
    public Optional<ColorInfo> describe(String nameOrHex) {
        Optional<String> hex = HexCodes.normalize(nameOrHex);
        if (hex.isPresent()) {
            String code = hex.get();
            return Optional.of(ColorInfo.of(firstNameByHex.getOrDefault(code, code), code));
        }
        // A name answers as itself (cyan stays cyan), in its canonical lower case.
        return hexOf(nameOrHex).map(code -> ColorInfo.of(asciiLowerCase(nameOrHex), code));
    }

    // String.toLowerCase would also fold non-ASCII look-alikes (the Kelvin sign U+212A becomes 'k').
    private static String asciiLowerCase(String text) {
        StringBuilder lower = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            lower.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return lower.toString();
    }

    private static List<String[]> read(String resource) {
        InputStream in = CssColors.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("classpath resource " + resource + " is missing");
        }
        List<String[]> entries = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int lineNumber = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                lineNumber++;
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                entries.add(parse(line, resource, lineNumber));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + resource, e);
        }
        return entries;
    }

    private static String[] parse(String line, String resource, int lineNumber) {
        String[] fields = line.split(",", -1);
        Optional<String> hex = fields.length == 2 ? HexCodes.normalize(fields[1].strip()) : Optional.empty();
        String name = fields[0].strip();
        if (hex.isEmpty() || name.isEmpty() || !name.equals(asciiLowerCase(name))) {
            throw new IllegalStateException(resource + " line " + lineNumber
                    + ": expected 'lowercasename,#rrggbb' but found '" + line + "'");
        }
        return new String[] {name, hex.get()};
    }
}
