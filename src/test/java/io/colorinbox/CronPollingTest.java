package io.colorinbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.colorinbox.support.InboxFolders;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** colors.poll.cron replaces the fixed-delay polling (here: every second). */
@SpringBootTest(classes = ColorInboxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"colors.poll.cron=* * * * * ?", "colors.inbox.stable-for=0s", "colors.demo.enabled=false"})
class CronPollingTest extends LoopbackApiTest {

    static final InboxFolders FOLDERS = InboxFolders.createTemp("color-inbox-cron");

    @Autowired
    CamelContext camel;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        TestSupport.register(registry, FOLDERS, API);
    }

    @Test
    void theInboxIsPolledOnTheCronScheduleOnly() {
        assertThat(camel.getRoute("inbox-cron")).isNotNull();
        assertThat(camel.getRoute("inbox-poll")).as("no fixed-delay polling").isNull();

        FOLDERS.drop("nightly.txt", "red\nblue\n");

        assertThat(ColorInboxRouteTest.colors(FOLDERS.awaitOutput("nightly.json", Duration.ofSeconds(10))))
                .containsExactly("red", "blue");
    }
}
