package io.colorinbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.colorinbox.support.InboxFolders;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** colors.poll.cron replaces the fixed-delay polling (here: every second). */
@AppTest
@TestPropertySource(properties = {
    "colors.poll.cron=* * * * * ?"})
class CronPollingTest extends LoopbackApiTest {

    static final InboxFolders FOLDERS = InboxFolders.createTemp("color-inbox-cron");

    @Autowired
    CamelContext camel;

    @Test
    void theInboxIsPolledOnTheCronScheduleOnly() {
        assertThat(camel.getRoute("inbox-cron")).isNotNull();
        assertThat(camel.getRoute("inbox-poll")).as("no fixed-delay polling").isNull();

        FOLDERS.drop("nightly.txt", "red\nblue\n");

        assertThat(ColorInboxRouteTest.colors(FOLDERS.awaitOutput("nightly.json", Duration.ofSeconds(10))))
                .containsExactly("red", "blue");
    }
}
