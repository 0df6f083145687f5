package io.colorinbox.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.colorinbox.pipeline.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The one source of truth for /api/lists/{id}, the status page and the gauges, without a pipeline around it. */
class JobRegistryTest {

    final JobRegistry registry = new JobRegistry();

    @AfterEach
    void close() {
        registry.close();
    }

    @Test
    void aSubmittedListIsQueuedUntilThePipelineSaysMoreAndAnAbandonedOneFailsWithItsReason() {
        ListJob job = registry.submit("id-1", "posted.txt", 3);

        assertThat(registry.inProgressCount()).isOne();
        assertThat(registry.inProgress()).singleElement().satisfies(s -> assertThat(s.state()).isEqualTo("queued"));
        assertThat(job.fromInbox()).isFalse();
        assertThat(job.total()).isEqualTo(3);

        registry.abandoned("id-1", "stopped before it finished");

        assertThat(registry.inProgressCount()).isZero();
        assertThat(registry.find("id-1")).hasValueSatisfying(j -> {
            assertThat(j.state()).isEqualTo(ListJob.State.FAILED);
            assertThat(j.error()).isEqualTo("stopped before it finished");
            assertThat(j.isOver()).isTrue();
        });
        assertThat(registry.recentlyFinished()).singleElement().satisfies(s -> assertThat(s.id()).isEqualTo("id-1"));
        registry.abandoned("id-1", "again");
        assertThat(registry.find("id-1").orElseThrow().error()).as("an ended list stays as it ended")
                .isEqualTo("stopped before it finished");
    }

    @Test
    void aFileThatFailedBeforeItStartedStillGetsALineWithReasonAndPlace() {
        registry.listFailed(new ListSource(Path.of("/in/bad.json"), "bad.json", null, true), null,
                "invalid JSON: unexpected end", "line 1, column 9 (byte offset 8)");

        assertThat(registry.recentlyFinished()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("bad.json");
            assertThat(s.state()).isEqualTo("failed");
            assertThat(s.error()).isEqualTo("invalid JSON: unexpected end");
            assertThat(s.where()).isEqualTo("line 1, column 9 (byte offset 8)");
        });
    }

    @Test
    void onlyTheLastFinishedListsAreKeptAndShown() {
        for (int i = 0; i < JobRegistry.KEPT_FINISHED + 5; i++) {
            registry.submit("id-" + i, "l" + i + ".txt", 1);
            registry.abandoned("id-" + i, "stopped");
        }

        assertThat(registry.find("id-0")).as("the oldest are forgotten").isEmpty();
        assertThat(registry.find("id-" + (JobRegistry.KEPT_FINISHED + 4))).isPresent();
        assertThat(registry.recentlyFinished()).hasSize(JobRegistry.SHOWN_FINISHED)
                .first().satisfies(s -> assertThat(s.id()).isEqualTo("id-" + (JobRegistry.KEPT_FINISHED + 4)));
        assertThat(registry.find("nope")).isEmpty();
    }
}
