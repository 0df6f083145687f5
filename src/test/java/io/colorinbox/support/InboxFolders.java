package io.colorinbox.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The test's inbox/outbox: drops files the safe way (temp name, then rename) and waits for outputs. */
public final class InboxFolders {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;

    public InboxFolders(Path root) {
        this.root = root;
    }

    public static InboxFolders createTemp(String prefix) {
        try {
            return new InboxFolders(Files.createTempDirectory(prefix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path inbox() {
        return root.resolve("inbox");
    }

    public Path outbox() {
        return root.resolve("outbox");
    }

    public Path done() {
        return inbox().resolve(".done");
    }

    public Path error() {
        return inbox().resolve(".error");
    }

    public Path drop(String name, String content) {
        return drop(name, content.getBytes(StandardCharsets.UTF_8));
    }

    public Path drop(String name, byte[] content) {
        try {
            Files.createDirectories(inbox());
            Path temp = inbox().resolve("." + name + ".writing");
            Files.write(temp, content);
            return Files.move(temp, inbox().resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode awaitOutput(String outputName) {
        return awaitOutput(outputName, Duration.ofSeconds(20));
    }

    public JsonNode awaitOutput(String outputName, Duration atMost) {
        Path out = outbox().resolve(outputName);
        await().atMost(atMost).pollInterval(Duration.ofMillis(20)).until(() -> Files.exists(out));
        return read(out);
    }

    public Path awaitFile(Path file) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> Files.exists(file));
        return file;
    }

    public static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
