package io.colorinbox.http;

import java.util.Locale;

import io.colorinbox.inbox.ListFormat;

/**
 * The source name of a posted list, from {@code ?name=}: it names the output in the outbox, so it is reduced
 * to one plain file name. No path (only what follows the last {@code /} or {@code \}), no control characters,
 * not hidden (no leading dot), at most {@value #MAX_LENGTH} characters; a generated {@code list-<id>} when
 * nothing usable is left.
 */
final class SourceNames {

    static final int MAX_LENGTH = 100;

    private SourceNames() {
    }

    static String of(String requested, ListFormat format, String id) {
        String name = requested == null ? "" : requested;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder();
        name.codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
                        && Character.getType(c) != Character.UNASSIGNED && c != 0xFFFD)
                .limit(MAX_LENGTH)
                .forEach(kept::appendCodePoint);
        name = kept.toString().strip();
        while (name.startsWith(".")) {
            name = name.substring(1).strip();
        }
        if (name.isEmpty()) {
            return "list-" + id.substring(0, Math.min(8, id.length())) + "." + format.name().toLowerCase(Locale.ROOT);
        }
        return name;
    }
}
