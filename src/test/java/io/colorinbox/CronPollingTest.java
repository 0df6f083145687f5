package io.colorinbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.colorinbox.support.InboxFolders;
import io.colorinbox.support.StubColorApi;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** colors.poll.cron replaces the fixed-delay polling (here: every second). */
@CamelSpringBootTest
@SpringBootTest(classes = ColorInboxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"colors.poll.cron=* * * * * ?", "colors.inbox.stable-for=0s", "colors.demo.enabled=false"})
class CronPollingTest {

    static final StubColorApi API = TestSupport.startStub();
    static final InboxFolders FOLDERS = InboxFolders.createTemp("color-inbox-cron");

    @Autowired
    CamelContext camel;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("colors.inbox", () -> FOLDERS.inbox().toString());
        registry.add("colors.outbox", () -> FOLDERS.outbox().toString());
        registry.add("colors.api.url", API::urlTemplate);
    }

    @AfterAll
    static void stopStub() {
        API.close();
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
