package io.colorinbox.pipeline;

import io.colorinbox.api.CallProperties;
import io.colorinbox.api.ColorResult;
import io.colorinbox.inbox.ColorItem;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;

/**
 * Hands each item's result to its file's ordered writer and keeps the file's exchange as it was.
 * Stateless: everything per file lives in the {@link FileJob} carried by the exchange.
 *
 * <p>What it throws ends the split at once with that exception on the file's exchange (Camel's
 * aggregation catches exceptions, not {@link Error}s, so an Error is wrapped first, or the split would
 * wait forever for the item): a failure to write the results, and an Error met by an item, which is
 * never turned into that item's result.
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
        FileJob job = newExchange.getProperty(FileJob.PROPERTY, FileJob.class);
        Error error = errorOf(newExchange);
        if (error != null) {
            throw failed(job, new JobAbortedException(error.getClass().getSimpleName() + " while item "
                    + indexOf(newExchange, job) + " was worked on", error));
        }
        if (newExchange.getException() != null && newExchange.getContext().isStopping() && keep != null) {
            // a forced stop interrupted this item: fail the file so it stays in the inbox for the next
            // start, rather than write a result that says nothing about the item
            keep.setException(newExchange.getException());
            return keep;
        }
        if (job != null && job.failure() == null) {
            try {
                ColorResult result = resultOf(newExchange, job);
                job.accept(result);
                // the one place every item's outcome passes: what the metrics count
                events.resultWritten(result);
            } catch (Error e) {
                throw failed(job, new JobAbortedException(e.getClass().getSimpleName() + " while writing the results"
                        + " of " + job.source(), e));
            }
        }
        return keep != null ? keep : newExchange;
    }

    private static JobAbortedException failed(FileJob job, JobAbortedException e) {
        if (job != null) {
            job.fail(e);
        }
        return e;
    }

    /** An Error the item met, handled or not (the API call's error handler may have made a result of it). */
    private static Error errorOf(Exchange item) {
        Error error = FailureTexts.find(item.getException(), Error.class);
        return error != null ? error
                : FailureTexts.find(item.getProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, Throwable.class), Error.class);
    }

    /** The item's result; an unexpected failure (not an Error) still becomes a result, so the file completes. */
    private static ColorResult resultOf(Exchange item, FileJob job) {
        Object body = item.getMessage().getBody();
        if (item.getException() == null && body instanceof ColorResult result) {
            return result;
        }
        ColorItem colorItem = itemOf(item);
        Throwable e = item.getException();
        item.setException(null);
        String error = "internal error: " + (e == null ? "no result" : e.getClass().getSimpleName() + ": " + e.getMessage());
        return ColorResult.internalError(indexOf(item, job), colorItem == null ? null : colorItem.color(), error);
    }

    private static ColorItem itemOf(Exchange item) {
        ColorItem colorItem = item.getProperty(CallProperties.ITEM, ColorItem.class);
        if (colorItem == null && item.getMessage().getBody() instanceof ColorItem fromBody) {
            colorItem = fromBody;
        }
        return colorItem;
    }

    private static int indexOf(Exchange item, FileJob job) {
        ColorItem colorItem = itemOf(item);
        if (colorItem != null) {
            return colorItem.index();
        }
        if (item.getMessage().getBody() instanceof ColorResult result) {
            return result.index();
        }
        // the split counts the items it handed out; those answered before a restart were not
        int splitIndex = item.getProperty(Exchange.SPLIT_INDEX, 0, Integer.class);
        return splitIndex + (job != null ? job.resumedFrom() : 0);
    }
}
