package io.colorinbox.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class DemoApiPropertiesTest {

    /** With the packaged config/application.yaml, where the defaults live. */
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(DemoColorApiConfiguration.class, DemoColorController.class);

    @Test
    void isOnWithoutLatencyByDefault() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(DemoColorController.class);
            assertThat(context.getBean(DemoApiProperties.class)).isEqualTo(new DemoApiProperties(Duration.ZERO, true));
            assertThat(context.getBean(ArtificialLatency.class).latency()).isZero();
        });
    }

    @Test
    void readsTheLatency() {
        runner.withPropertyValues("colors.demo.latency=1s").run(context ->
                assertThat(context.getBean(ArtificialLatency.class).latency()).isEqualTo(Duration.ofSeconds(1)));
        // A bare number is milliseconds, as for every Spring Boot Duration.
        runner.withPropertyValues("colors.demo.latency=250").run(context ->
                assertThat(context.getBean(ArtificialLatency.class).latency()).isEqualTo(Duration.ofMillis(250)));
    }

    @Test
    void refusesANegativeLatency() {
        runner.withPropertyValues("colors.demo.latency=-1s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("colors.demo.latency");
        });
    }

    @Test
    void canBeSwitchedOff() {
        runner.withPropertyValues("colors.demo.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(DemoColorController.class);
            assertThat(context).doesNotHaveBean(ArtificialLatency.class);
            assertThat(context).doesNotHaveBean(CssColors.class);
        });
    }
}
