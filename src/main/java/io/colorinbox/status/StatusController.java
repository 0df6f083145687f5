package io.colorinbox.status;

import java.time.Instant;
import java.util.List;

import io.colorinbox.api.ApiCallSlots;
import io.colorinbox.api.Reuse;
import io.colorinbox.cluster.ClusterProperties;
import io.colorinbox.http.ListIntake;
import io.colorinbox.jobs.JobRegistry;
import io.colorinbox.jobs.ListStatus;
import io.colorinbox.repeats.ReuseCounts;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/status}: what the status page at {@code /} (src/main/resources/static) shows, read from
 * the job registry and the call bound. The page polls it once a second.
 */
@RestController
class StatusController {

    /**
     * @param inFlight             API calls in flight now, against {@code concurrency}
     * @param concurrency          the bound now: {@code colors.concurrency}, or where {@code auto} stands
     * @param adaptive             whether the bound is {@code auto}
     * @param apiPausedForMs       how long new calls still wait because the API asked for a pause (Retry-After)
     * @param itemsPerSecond       items written per second, one value per second, oldest first (the last minutes)
     * @param httpListsInProgress  HTTP lists queued or running, against {@code httpMaxLists}
     * @param itemsReused          results so far that reused the answer to a repeat in their list (no call)
     * @param itemsFromCache       results so far answered from the cache across lists (no call)
     */
    record Status(String node, Instant now, int inFlight, int concurrency, boolean adaptive, long apiPausedForMs,
                  int listsInProgress,
                  int httpListsInProgress, int httpMaxLists, long itemsDone, long itemsReused, long itemsFromCache,
                  long[] itemsPerSecond,
                  List<ListStatus> inProgress, List<ListStatus> finished) {
    }

    private final JobRegistry registry;
    private final ApiCallSlots slots;
    private final ListIntake intake;
    private final ReuseCounts reuse;
    private final String node;

    StatusController(JobRegistry registry, ApiCallSlots slots, ListIntake intake, ReuseCounts reuse,
                     ClusterProperties cluster) {
        this.registry = registry;
        this.reuse = reuse;
        this.slots = slots;
        this.intake = intake;
        // the instance's name (colors.cluster.node-id: host name + pid unless set), as in its logs and outputs
        this.node = cluster.nodeId();
    }

    @GetMapping("/api/status")
    ResponseEntity<Status> status() {
        Status status = new Status(node, Instant.now(), slots.inFlight(), slots.limit(), slots.adaptive(),
                slots.pausedForMillis(),
                registry.inProgressCount(), intake.inProgress(), intake.maxLists(), registry.itemsDone(),
                reuse.count(Reuse.REPEAT), reuse.count(Reuse.CACHE), registry.itemsPerSecondHistory(), registry.inProgress(), registry.recentlyFinished());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(status);
    }
}
