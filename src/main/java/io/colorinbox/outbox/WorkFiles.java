package io.colorinbox.outbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The temp files of one input in {@code outbox/.tmp}, named after the input (not at random) so a
 * restart finds them again: the results written so far, the state that says which input they belong
 * to, and the output being assembled. The name is the input's name (cut to stay a valid file name)
 * and a hash of it, so two inputs never share one.
 */
public record WorkFiles(Path work, String key) {

    static final String RESULTS = ".results";
    static final String STATE = ".state.json";
    static final String STATE_NEW = ".state.new";
    static final String ASSEMBLING = ".assembling";
    /** Every suffix of a job's files, to find the key of a file in the work folder. */
    static final List<String> SUFFIXES = List.of(RESULTS, STATE, STATE_NEW, ASSEMBLING);

    private static final int MAX_NAME_BYTES = 100;

    public static WorkFiles of(Path work, String inputName) {
        return new WorkFiles(work, readablePart(inputName) + "." + shortHash(inputName));
    }

    public Path results() {
        return work.resolve(key + RESULTS);
    }

    public Path state() {
        return work.resolve(key + STATE);
    }

    Path stateNew() {
        return work.resolve(key + STATE_NEW);
    }

    public Path assembling() {
        return work.resolve(key + ASSEMBLING);
    }

    public List<Path> all() {
        return SUFFIXES.stream().map(s -> work.resolve(key + s)).toList();
    }

    /** Removes them all; what cannot be removed is left (and reported by the caller). */
    public void delete() throws IOException {
        IOException first = null;
        for (Path p : all()) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** The key of a file of the work folder, or {@code null} when it is no job's file. */
    public static String keyOf(String fileName) {
        for (String suffix : SUFFIXES) {
            if (fileName.endsWith(suffix) && fileName.length() > suffix.length()) {
                return fileName.substring(0, fileName.length() - suffix.length());
            }
        }
        return null;
    }

    private static String readablePart(String name) {
        StringBuilder b = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + len > MAX_NAME_BYTES) {
                break;
            }
            b.appendCodePoint(cp);
            bytes += len;
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
