package io.colorinbox.pipeline;

import io.colorinbox.api.CallProperties;
import io.colorinbox.api.ColorResult;
import io.colorinbox.inbox.ColorItem;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Hands each item's result to its file's ordered writer and keeps the file's exchange as it was.
 * Stateless: everything per file lives in the {@link FileJob} carried by the exchange.
 */
public class ResultWriterAggregationStrategy implements AggregationStrategy {

    private final PipelineEvents events;

    public ResultWriterAggregationStrategy() {
        this(PipelineEvents.NONE);
    }

    public ResultWriterAggregationStrategy(PipelineEvents events) {
        this.events = events;
    }

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        return aggregate(oldExchange, newExchange, null);
    }

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange, Exchange inputExchange) {
        Exchange keep = inputExchange != null ? inputExchange : oldExchange;
        if (newExchange == null) {
            return keep;
        }
        if (newExchange.getException() != null && newExchange.getContext().isStopping() && keep != null) {
            // a forced stop interrupted this item: fail the file so it stays in the inbox for the next
            // start, rather than write a result that says nothing about the item
            keep.setException(newExchange.getException());
            return keep;
        }
        FileJob job = newExchange.getProperty(FileJobs.JOB, FileJob.class);
        if (job != null) {
            ColorResult result = resultOf(newExchange);
            job.accept(result);
            // the one place every item's outcome passes: what the metrics count
            events.resultWritten(result);
        }
        return keep != null ? keep : newExchange;
    }

    /** The item's result; an unexpected failure still becomes a result, so the file completes. */
    private static ColorResult resultOf(Exchange item) {
        Object body = item.getMessage().getBody();
        if (item.getException() == null && body instanceof ColorResult result) {
            return result;
        }
        ColorItem colorItem = item.getProperty(CallProperties.ITEM, ColorItem.class);
        if (colorItem == null && body instanceof ColorItem fromBody) {
            colorItem = fromBody;
        }
        Throwable e = item.getException();
        item.setException(null);
        String error = "internal error: " + (e == null ? "no result" : e.getClass().getSimpleName() + ": " + e.getMessage());
        // the split index equals the item index: both count the list's items from 0
        int index = colorItem != null ? colorItem.index() : item.getProperty(Exchange.SPLIT_INDEX, 0, Integer.class);
        return ColorResult.rejected(index, colorItem == null ? null : colorItem.color(), error);
    }
}
