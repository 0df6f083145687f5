package io.colorinbox.jobs;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What is known of one list, as the HTTP answers and the status page show it.
 *
 * @param origin         {@code inbox} or {@code http}
 * @param state          {@code queued}, {@code running}, {@code done} or {@code failed}
 * @param total          the number of items; {@code null} while unknown
 * @param totalEstimated whether {@code total} is estimated from the share of the file read so far
 * @param resultUrl      where the output document can be downloaded, once done
 * @param output         the output's file name in the outbox, once done
 * @param reused         results that reused an answer (a repeat in the list, the cache) instead of making a call
 * @param error          why the list failed, with {@code where} in the list when known
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListStatus(String id, String name, String origin, String state, Integer total, boolean totalEstimated,
                         int done, int succeeded, int failed, int reused, double itemsPerSecond, Long etaSeconds,
                         Instant submittedAt, Instant startedAt, Instant finishedAt, Long durationMs, String output,
                         String resultUrl, String error, String where) {

    /** The path of a list's status; {@code /result} after it is the output document. */
    public static String urlOf(String id) {
        return "/api/lists/" + id;
    }

    public static ListStatus of(ListJob job) {
        ListJob.State state = job.state();
        boolean done = state == ListJob.State.DONE;
        return new ListStatus(job.id(), job.name(), job.fromInbox() ? "inbox" : "http", state.label(), job.total(),
                job.totalEstimated(), job.done(), job.succeeded(), job.failed(), job.reused(),
                Math.round(job.itemsPerSecond() * 10) / 10.0, job.etaSeconds(), job.submittedAt(), job.startedAt(),
                job.finishedAt(), job.durationMs(), done ? job.outputName() : null,
                done ? urlOf(job.id()) + "/result" : null, job.error(), job.where());
    }
}
