package io.colorinbox.pipeline;

import java.nio.file.Path;
import java.util.List;

import io.colorinbox.api.ColorResult;

/**
 * What the pipeline tells the rest of the application (the job registry, the metrics) as lists go
 * through it. Called on the pipeline's threads: implementations must be quick and must not throw.
 * {@link #resultWritten} is called once per item: keep it to a counter increment.
 */
public interface PipelineEvents {

    PipelineEvents NONE = new PipelineEvents() {
    };

    /** A list was opened and its output name claimed; {@code job} now shows its progress. */
    default void listStarted(ListSource source, FileJob job) {
    }

    /** One item's result reached its list's ordered writer. */
    default void resultWritten(ColorResult result) {
    }

    /** The list's output is complete at {@code output} (in the outbox). */
    default void listFinished(FileJob job, Path output) {
    }

    /**
     * The list could not be processed. {@code job} is {@code null} when it failed before it started;
     * {@code where} is {@code null} when the reason has no place in the list.
     */
    default void listFailed(ListSource source, FileJob job, String reason, String where) {
    }

    /** All of {@code listeners}, in order. */
    static PipelineEvents of(List<PipelineEvents> listeners) {
        if (listeners.isEmpty()) {
            return NONE;
        }
        if (listeners.size() == 1) {
            return listeners.get(0);
        }
        PipelineEvents[] all = listeners.toArray(PipelineEvents[]::new);
        return new PipelineEvents() {
            @Override
            public void listStarted(ListSource source, FileJob job) {
                for (PipelineEvents e : all) {
                    e.listStarted(source, job);
                }
            }

            @Override
            public void resultWritten(ColorResult result) {
                for (PipelineEvents e : all) {
                    e.resultWritten(result);
                }
            }

            @Override
            public void listFinished(FileJob job, Path output) {
                for (PipelineEvents e : all) {
                    e.listFinished(job, output);
                }
            }

            @Override
            public void listFailed(ListSource source, FileJob job, String reason, String where) {
                for (PipelineEvents e : all) {
                    e.listFailed(source, job, reason, where);
                }
            }
        };
    }
}
