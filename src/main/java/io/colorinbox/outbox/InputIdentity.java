package io.colorinbox.outbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the temp results of a file were made from, kept beside them ({@code <key>.state.json}): a restart
 * continues after them only for the same input (name, folder, size, modification time, format) called
 * through the same API URL. The URL is kept as a hash: it may carry a key.
 */
public record InputIdentity(int version, String input, String inbox, long size, long modified, String format,
                            String api) {

    static final int VERSION = 1;

    public static InputIdentity of(Path input, String format, String apiUrl) throws IOException {
        Path inbox = input.toAbsolutePath().getParent();
        return new InputIdentity(VERSION, input.getFileName().toString(), String.valueOf(inbox), Files.size(input),
                Files.getLastModifiedTime(input).toMillis(), format, WorkFiles.shortHash(apiUrl));
    }
}
