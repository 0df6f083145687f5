package io.colorinbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application refuses to start listening beyond loopback without {@code colors.http.api-key}, naming
 * the key. Run without a web server: the rule is checked while the context is built, before anything
 * listens, and nothing here ever binds to another interface.
 */
class ExposureTest {

    private static final String[] FOLDERS = {
        "--colors.inbox=target/exposure/inbox", "--colors.outbox=target/exposure/outbox", "--colors.demo.enabled=false"};

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "192.0.2.10"})
    void exposedWithoutKeyIsRefusedNamingTheKey(String address) {
        Throwable failure = catchThrowable(() -> start("--server.address=" + address).close());

        assertThat(messages(failure)).contains("colors.http.api-key is required").contains("server.address");
    }

    @Test
    void aShortKeyIsRefusedNamingTheKey() {
        Throwable failure = catchThrowable(() -> start("--server.address=0.0.0.0", "--colors.http.api-key=short").close());

        assertThat(messages(failure)).contains("colors.http.api-key").contains("16 characters");
    }

    @Test
    void exposedWithKeyStartsAndSoDoesLoopbackWithout() {
        start("--server.address=0.0.0.0", "--colors.http.api-key=0123456789abcdef0123").close();
        start("--server.address=::1").close();
        start("--server.address=127.0.0.1").close();
    }

    @Test
    void fewerRequestThreadsThanHttpListsIsRefused() {
        Throwable failure = catchThrowable(() -> start("--colors.http.max-lists=40").close());

        assertThat(messages(failure)).contains("spring.task.execution.pool.core-size").contains("colors.http.max-lists");
    }

    private static ConfigurableApplicationContext start(String... args) {
        String[] all = new String[FOLDERS.length + args.length];
        System.arraycopy(FOLDERS, 0, all, 0, FOLDERS.length);
        System.arraycopy(args, 0, all, FOLDERS.length, args.length);
        return new SpringApplicationBuilder(ColorInboxApplication.class).web(WebApplicationType.NONE).run(all);
    }

    private static String messages(Throwable t) {
        assertThat(t).as("the start should have failed").isNotNull();
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append('\n');
        }
        return all.toString();
    }
}
