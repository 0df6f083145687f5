package io.colorinbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

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
        "--colors.api.timeout=0s                         | colors.api.timeout",
        "--colors.api.url=http://api.example/colors      | colors.api.url",
        "--colors.api.url=ftp://api.example/{color}      | colors.api.url",
        "--colors.api.url=http://{color}.example/        | colors.api.url",
        "--colors.api.retries=-1                         | colors.api.retries",
        "--colors.poll.cron=every night                  | colors.poll.cron",
        "--colors.inbox.stable-for=-1s                   | colors.inbox.stable-for",
        "--colors.demo.latency=-5ms                      | colors.demo.latency",
        "--colors.api.max-response-size=100B             | colors.api.max-response-size",
        "--colors.api.max-response-size=lots             | colors.api.max-response-size",
        "--colors.api.ssl-bundle=color-api               | colors.api.ssl-bundle",
    })
    void startFailsNamingTheKey(String argument, String key) {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(ColorInboxApplication.class)
                .web(WebApplicationType.NONE)
                .run(argument, "--colors.inbox=target/bad-config/inbox", "--colors.outbox=target/bad-config/outbox")
                .close());

        assertThat(failure).isNotNull();
        assertThat(messages(failure)).contains(key);
    }

    @Test
    void anUnknownSslBundleFailsTheStartNamingTheKey() {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(ColorInboxApplication.class)
                .web(WebApplicationType.NONE)
                .run("--colors.api.url=https://127.0.0.1:1/api/colors/{color}", "--colors.api.ssl-bundle=nope",
                        "--colors.inbox=target/bad-config/inbox", "--colors.outbox=target/bad-config/outbox")
                .close());

        assertThat(failure).isNotNull();
        assertThat(messages(failure)).contains("colors.api.ssl-bundle").contains("'nope'");
    }

    private static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append('\n');
        }
        return all.toString();
    }
}
