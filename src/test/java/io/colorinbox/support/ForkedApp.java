package io.colorinbox.support;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** The application in a JVM of its own (same classpath as the tests), to kill, stop or starve of memory. */
public final class ForkedApp implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ForkedApp(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the app and waits until it is ready. {@code jvmArgs} first, then app arguments after "--". */
    public static ForkedApp start(Path logFile, List<String> jvmArgs, List<String> appArgs) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(mainClasspath());
        command.add("io.colorinbox.ColorInboxApplication");
        command.add("--server.port=0");
        command.add("--colors.demo.enabled=false");
        command.addAll(appArgs);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
            ForkedApp app = new ForkedApp(p, logFile);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
                if (!p.isAlive()) {
                    throw new IllegalStateException("the app exited at start:\n" + app.log());
                }
                return app.log().contains("Started ColorInboxApplication");
            });
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test classpath without the test classes: their configurations must not join the app's scan. */
    private static String mainClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** kill -9: no shutdown hook, no cleanup. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, then wait for the exit. */
    public int terminate(Duration atMost) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the app did not stop within " + atMost + ":\n" + log());
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
