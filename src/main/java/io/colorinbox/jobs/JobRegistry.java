package io.colorinbox.jobs;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.colorinbox.pipeline.FileJob;
import io.colorinbox.pipeline.ListSource;
import io.colorinbox.pipeline.PipelineEvents;

/**
 * The lists this instance knows: in progress (queued or running) and the last finished ones. The one
 * source of truth for {@code GET /api/lists/{id}}, the status page and the metrics' gauges. Follows the
 * pipeline through {@link PipelineEvents}; the per-item path is not touched (progress is read from each
 * list's writer when someone asks).
 */
public class JobRegistry implements PipelineEvents, AutoCloseable {

    /** Finished lists the status page shows. */
    public static final int SHOWN_FINISHED = 50;
    /** Finished lists whose status and result can still be asked for by id. */
    static final int KEPT_FINISHED = 1000;
    /** The items/s history: one sample a second over this many seconds. */
    public static final int HISTORY_SECONDS = 300;

    private final Map<String, ListJob> active = new ConcurrentHashMap<>();
    private final Map<FileJob, ListJob> byFileJob = new ConcurrentHashMap<>();
    // guarded by this: finished lists, newest first, and the figures of all lists that left "active"
    private final ArrayDeque<ListJob> finished = new ArrayDeque<>();
    private final Map<String, ListJob> finishedById = new HashMap<>();
    private long finishedItems;
    private long finishedBytes;
    private final long[] history = new long[HISTORY_SECONDS];
    private int historyStart;
    private int historySize;
    private long lastItems = -1;
    private final ScheduledExecutorService sampler;

    public JobRegistry() {
        sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "color-jobs-sampler");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);
    }

    /** An HTTP list accepted with {@code total} items, under the id from {@link #newId()}; it waits for the pipeline. */
    public ListJob submit(String id, String name, int total) {
        ListJob job = new ListJob(id, name, false, total);
        active.put(job.id(), job);
        return job;
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    @Override
    public void listStarted(ListSource source, FileJob fileJob) {
        ListJob job = source.id() != null ? active.get(source.id()) : null;
        if (job == null) {
            job = new ListJob(source.id() != null ? source.id() : newId(), source.name(), source.fromInbox(), null);
            active.put(job.id(), job);
        }
        job.started(fileJob);
        byFileJob.put(fileJob, job);
    }

    @Override
    public void listFinished(FileJob fileJob, Path output) {
        ListJob job = byFileJob.remove(fileJob);
        if (job != null) {
            synchronized (this) {
                if (!job.isOver()) {
                    job.finished(output);
                    retire(job);
                }
            }
        }
    }

    @Override
    public void listFailed(ListSource source, FileJob fileJob, String reason, String where) {
        ListJob job = fileJob != null ? byFileJob.remove(fileJob) : null;
        if (job == null && source.id() != null) {
            job = active.get(source.id());
        }
        if (job == null) {
            // failed before it started (e.g. a link in the inbox): still worth a line on the status page
            job = new ListJob(newId(), source.name(), source.fromInbox(), null);
        }
        synchronized (this) {
            if (!job.isOver()) {
                job.failed(reason, where);
                retire(job);
            }
        }
    }

    /**
     * An HTTP list whose processing ended without the pipeline saying how (e.g. the application stopped
     * while it waited): failed with {@code reason}, unless it did finish.
     */
    public void abandoned(String id, String reason) {
        ListJob job = active.get(id);
        if (job != null) {
            FileJob running = job.fileJob();
            if (running != null) {
                byFileJob.remove(running);
            }
            synchronized (this) {
                if (!job.isOver()) {
                    job.failed(reason, null);
                    retire(job);
                }
            }
        }
    }

    /** Under this lock: the list's figures move from "active" to "finished" in one step for the totals. */
    private void retire(ListJob job) {
        active.remove(job.id());
        finishedItems += job.done();
        finishedBytes += job.bytesRead();
        finished.addFirst(job);
        finishedById.put(job.id(), job);
        while (finished.size() > KEPT_FINISHED) {
            finishedById.remove(finished.removeLast().id());
        }
    }

    /** A list by its id: in progress or among the last {@value #KEPT_FINISHED} finished. */
    public Optional<ListJob> find(String id) {
        ListJob job = active.get(id);
        if (job != null) {
            return Optional.of(job);
        }
        synchronized (this) {
            return Optional.ofNullable(finishedById.get(id));
        }
    }

    /** Lists queued or running, oldest first. */
    public List<ListStatus> inProgress() {
        return active.values().stream().sorted(Comparator.comparing(ListJob::submittedAt)).map(ListStatus::of).toList();
    }

    /** Lists queued or running. */
    public int inProgressCount() {
        return active.size();
    }

    /** The last {@value #SHOWN_FINISHED} finished lists, newest first. */
    public synchronized List<ListStatus> recentlyFinished() {
        List<ListStatus> recent = new ArrayList<>(SHOWN_FINISHED);
        Iterator<ListJob> it = finished.iterator();
        while (it.hasNext() && recent.size() < SHOWN_FINISHED) {
            recent.add(ListStatus.of(it.next()));
        }
        return recent;
    }

    /** Items written by every list so far (monotonic). */
    public synchronized long itemsDone() {
        long n = finishedItems;
        for (ListJob job : active.values()) {
            n += job.done();
        }
        return n;
    }

    /** Bytes of list read by every list so far (monotonic). */
    public synchronized long bytesRead() {
        long n = finishedBytes;
        for (ListJob job : active.values()) {
            n += job.bytesRead();
        }
        return n;
    }

    /** Items written per second, one value a second, oldest first, over the last {@value #HISTORY_SECONDS} s. */
    public synchronized long[] itemsPerSecondHistory() {
        long[] out = new long[historySize];
        for (int i = 0; i < historySize; i++) {
            out[i] = history[(historyStart + i) % HISTORY_SECONDS];
        }
        return out;
    }

    private void sample() {
        try {
            long now = System.nanoTime();
            for (ListJob job : active.values()) {
                job.sample(now);
            }
            long items = itemsDone();
            synchronized (this) {
                if (lastItems >= 0) {
                    long perSecond = Math.max(0, items - lastItems);
                    if (historySize < HISTORY_SECONDS) {
                        history[(historyStart + historySize++) % HISTORY_SECONDS] = perSecond;
                    } else {
                        history[historyStart] = perSecond;
                        historyStart = (historyStart + 1) % HISTORY_SECONDS;
                    }
                }
                lastItems = items;
            }
        } catch (RuntimeException e) {
            // a failed sample must not end the schedule; the next one catches up
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
