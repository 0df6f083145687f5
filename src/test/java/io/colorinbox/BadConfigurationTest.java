package io.colorinbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A bad value stops the start with a message naming the key. */
class BadConfigurationTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--colors.concurrency=0                          | colors.concurrency",
        "--colors.concurrency=lots                       | colors.concurrency",
        "--colors.concurrency=10001                      | colors.concurrency",
        "--colors.adaptive.floor=0                       | colors.adaptive.floor",
        "--colors.adaptive.initial=1000                  | colors.adaptive.initial",
        "--colors.adaptive.cap=2                         | colors.adaptive.floor",
        "--colors.repeats=sometimes                      | colors.repeats",
        "--colors.cache.ttl=-1s                          | colors.cache.ttl",
        "--colors.cache.max-size=10B                     | colors.cache.max-size",
        "--colors.cache.repeats-max-size=lots            | colors.cache.repeats-max-size",
        "--colors.api.timeout=0s                         | colors.api.timeout",
        "--colors.api.url=http://api.example/colors      | colors.api.url",
        "--colors.api.url=ftp://api.example/{color}      | colors.api.url",
        "--colors.api.url=http://{color}.example/        | colors.api.url",
        "--colors.api.url=http://api.example/x?q=x{color} | colors.api.url",
        "--colors.api.url=http://api.example/x?{color}=1 | colors.api.url",
        "--colors.api.url=http://api.example/{color}/{color} | colors.api.url",
        "--colors.api.url=http://api.example/{color}#top | colors.api.url",
        "--colors.api.method=DELETE                      | colors.api.method",
        "--colors.api.pick=hex                           | colors.api.pick",
        "--colors.api.body={\"name\":\"{color}\"}          | colors.api.body",
        "--colors.api.retries=-1                         | colors.api.retries",
        "--colors.poll.cron=every night                  | colors.poll.cron",
        "--colors.inbox.stable-for=-1s                   | colors.inbox.stable-for",
        "--colors.demo.latency=-5ms                      | colors.demo.latency",
        "--colors.api.max-response-size=100B             | colors.api.max-response-size",
        "--colors.api.max-response-size=lots             | colors.api.max-response-size",
        "--colors.api.ssl-bundle=color-api               | colors.api.ssl-bundle",
        "--colors.cluster.lock-max-age=1s                | colors.cluster.lock-max-age",
        "--colors.cluster.node-id=two words              | colors.cluster.node-id",
        "--colors.cluster.enabled=true                   | spring.datasource.url",
    })
    void startFailsNamingTheKey(String argument, String key) {
        assertThat(startFailure(argument)).contains(key);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"name\": \"{color}\"                 | colors.api.body",
        "{\"name\": \"{color}\"} trailing       | colors.api.body",
        "{\"name\": \"x{color}\"}               | colors.api.body",
        "\"{color}\"                             | colors.api.body",
    })
    void aPostBodyThatIsNotAValidTemplateFailsNamingTheKey(String body, String key) {
        assertThat(startFailure("--colors.api.method=POST", "--colors.api.url=http://api.example/colors",
                "--colors.api.body=" + body)).contains(key);
    }

    @Test
    void anItemThatIsNeitherInTheUrlNorInTheBodyFailsNamingTheUrl() {
        assertThat(startFailure("--colors.api.method=POST", "--colors.api.url=http://api.example/colors"))
                .contains("colors.api.url", "colors.api.body");
    }

    @Test
    void aCacheAcrossListsWithEveryRowCalledFailsNamingBothKeys() {
        assertThat(startFailure("--colors.repeats=call-each", "--colors.cache.ttl=10m"))
                .contains("colors.cache.ttl", "colors.repeats=call-once");
    }

    @Test
    void clusterModeWithADatabaseThatDoesNotAnswerFailsNamingTheUrl() {
        assertThat(startFailure("--colors.cluster.enabled=true", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/colors"))
                .contains("spring.datasource.url", "127.0.0.1:1/colors");
    }

    @Test
    void aFolderThatIsAFileOrUnderOneFailsTheStartNamingTheKey() throws IOException {
        Path file = Files.createTempFile("color-inbox-not-a-folder", ".txt");
        String inbox = "--colors.inbox=target/bad-config/inbox";
        String outbox = "--colors.outbox=target/bad-config/outbox";

        assertThat(failureOf("--colors.inbox=" + file, outbox)).contains("colors.inbox", "a file, not a folder");
        assertThat(failureOf("--colors.inbox=" + file.resolve("sub"), outbox)).contains("colors.inbox", "cannot be made a folder");
        assertThat(failureOf(inbox, "--colors.outbox=" + file)).contains("colors.outbox");
        assertThat(failureOf(inbox, outbox, "--colors.done=" + file)).contains("colors.done");
        assertThat(failureOf(inbox, outbox, "--colors.error=" + file.resolve("x"))).contains("colors.error");
    }

    /** The messages of the start's failure, causes included (with folders of its own). */
    private static String startFailure(String... arguments) {
        String[] all = Arrays.copyOf(arguments, arguments.length + 2);
        all[arguments.length] = "--colors.inbox=target/bad-config/inbox";
        all[arguments.length + 1] = "--colors.outbox=target/bad-config/outbox";
        return failureOf(all);
    }

    private static String failureOf(String... all) {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(ColorInboxApplication.class)
                .web(WebApplicationType.NONE)
                .run(all)
                .close());

        assertThat(failure).isNotNull();
        return messages(failure);
    }

    @Test
    void anUnknownSslBundleFailsTheStartNamingTheKey() {
        assertThat(startFailure("--colors.api.url=https://127.0.0.1:1/api/colors/{color}", "--colors.api.ssl-bundle=nope"))
                .contains("colors.api.ssl-bundle").contains("'nope'");
    }

    private static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append('\n');
        }
        return all.toString();
    }
}
