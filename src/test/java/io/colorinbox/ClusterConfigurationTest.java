package io.colorinbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A bad cluster setting, or a database that cannot be used, stops the start with a message naming the key. */
class ClusterConfigurationTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--colors.cluster.lock-max-age=1s                              | colors.cluster.lock-max-age",
        "--colors.cluster.node-id=two words                            | colors.cluster.node-id",
        "--colors.cluster.node-id=node-1                               | spring.datasource.url",
        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/colors  | spring.datasource.url",
    })
    void startFailsNamingTheKey(String argument, String key) {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(ColorInboxApplication.class)
                .web(WebApplicationType.NONE)
                .run(argument, "--colors.cluster.enabled=true", "--colors.inbox=target/bad-cluster/inbox",
                        "--colors.outbox=target/bad-cluster/outbox")
                .close());

        assertThat(failure).isNotNull();
        assertThat(messages(failure)).contains(key);
    }

    private static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append('\n');
        }
        return all.toString();
    }
}
