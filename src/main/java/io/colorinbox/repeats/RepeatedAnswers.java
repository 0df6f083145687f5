package io.colorinbox.repeats;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import io.colorinbox.api.CallProperties;
import io.colorinbox.api.ColorResult;
import io.colorinbox.api.Reuse;
import io.colorinbox.inbox.ColorItem;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * The route's step between an item's request being made and its call: a request already answered (in this list,
 * or in the cache across lists) takes that answer and makes no call; one whose call is in flight waits for it
 * without a thread (an asynchronous step: the pool thread goes back at once and the row goes on when the call
 * ends); otherwise the row makes the call, and when its exchange is done, whatever way it ended, its answer is
 * kept and the rows that waited are given it. A failure is not kept: the rows that waited each call on their own.
 *
 * <p>The key is the request itself (method, path, query and body as the API gets them), so the request shapes
 * (colors.api.url, method, body) decide what counts as the same item, not the item's text alone.
 */
public class RepeatedAnswers extends AsyncProcessorSupport implements AsyncProcessor {

    /** Exchange property of a list's exchange (and so of its items): its {@link FileAnswers}. */
    public static final String PROPERTY = "colorsAnswers";

    /** Exchange property of a row that was answered: what its answer's {@link CacheDirectives} allow. */
    private static final String DIRECTIVES = "colorsCacheDirectives";

    private final Repeats mode;
    private final long bytesPerList;
    private final AnswerCache cache;
    private final Executor pool;
    private final String method;

    /**
     * @param cache the cache across lists, {@code null} when off
     * @param pool  where rows released by a failed call make their own (the call pool)
     */
    RepeatedAnswers(Repeats mode, long bytesPerList, AnswerCache cache, Executor pool, String method) {
        this.mode = mode;
        this.bytesPerList = bytesPerList;
        this.cache = cache;
        this.pool = pool;
        this.method = method;
    }

    /** Route step before the split: the list's table of answers (none with call-each). */
    public void startList(Exchange list) {
        if (mode == Repeats.CALL_ONCE) {
            list.setProperty(PROPERTY, new FileAnswers(bytesPerList));
        }
    }

    /**
     * Route step right after a 2xx answer, while its headers are there: what its {@code Cache-Control} allows is
     * kept with the row for the end of its exchange.
     */
    public void answered(Exchange row) {
        if (row.getProperty(PROPERTY) != null) {
            row.setProperty(DIRECTIVES, CacheDirectives.of(row.getMessage()));
        }
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        FileAnswers answers = exchange.getProperty(PROPERTY, FileAnswers.class);
        if (answers == null || !exchange.getProperty(CallProperties.SEND, false, Boolean.class)) {
            callback.done(true); // call-each, or a rejected item: nothing to reuse
            return true;
        }
        long now = System.nanoTime();
        String key = keyOf(exchange.getMessage());
        KeptAnswer cached = cache == null ? null : cache.get(key);
        if (cached != null) {
            reuse(exchange, cached, Reuse.CACHE, now);
            callback.done(true);
            return true;
        }
        FileAnswers.Turn turn = answers.join(key, new Waiter(exchange, callback, now));
        if (turn instanceof FileAnswers.Hit hit) {
            reuse(exchange, hit.answer(), Reuse.REPEAT, now);
        } else if (turn instanceof FileAnswers.Lead lead) {
            settleWhenDone(exchange, answers, key, lead.flight());
        } else {
            return false; // parked: settle() goes on with it
        }
        callback.done(true);
        return true;
    }

    /** Whatever way the row's exchange ends (answer, failure, even an Error), its waiting rows are let go. */
    private void settleWhenDone(Exchange exchange, FileAnswers answers, String key, FileAnswers.Flight flight) {
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                settle(done, answers, key, flight);
            }

            @Override
            public boolean allowHandover() {
                return false; // with the row's own exchange, not the list's: the waiting rows must not wait for the list
            }
        });
    }

    private void settle(Exchange done, FileAnswers answers, String key, FileAnswers.Flight flight) {
        ColorResult result = done.getException() == null && done.getMessage().getBody() instanceof ColorResult r
                ? r : null;
        CacheDirectives directives = done.getProperty(DIRECTIVES, CacheDirectives.class);
        Integer bytes = done.getProperty(CallProperties.ANSWER_BYTES, Integer.class);
        KeptAnswer kept = result != null && result.ok() && result.reused() == null && directives != null
                && bytes != null && !directives.noStore() ? KeptAnswer.of(key, result, bytes) : null;
        if (kept != null && cache != null) {
            cache.put(key, kept, directives);
        }
        List<Waiter> released = answers.settle(key, flight, kept);
        for (Waiter waiter : released) {
            if (kept != null) {
                goOn(waiter, () -> reuse(waiter.exchange(), kept, Reuse.REPEAT, waiter.sinceNanos()));
            } else {
                // not reused: each calls on its own, in parallel, on the pool (not nested in this row's end)
                Runnable call = () -> goOn(waiter, () -> settleWhenDone(waiter.exchange(), answers, key, null));
                try {
                    pool.execute(call);
                } catch (RejectedExecutionException stopping) {
                    call.run();
                }
            }
        }
    }

    /** Lets a parked row go on; if preparing it fails, it goes on with that failure (it must never stay parked). */
    private static void goOn(Waiter waiter, Runnable prepare) {
        try {
            prepare.run();
        } catch (RuntimeException e) {
            waiter.exchange().setException(e);
        }
        waiter.callback().done(false);
    }

    private static void reuse(Exchange row, KeptAnswer answer, Reuse how, long sinceNanos) {
        ColorItem item = row.getProperty(CallProperties.ITEM, ColorItem.class);
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sinceNanos);
        row.getMessage().setBody(answer.result().reusedFor(item.index(), item.color(), waited, how));
        row.setProperty(CallProperties.SEND, false);
    }

    /** The request as the API gets it: method, path, query and body. */
    String keyOf(Message request) {
        Object path = request.getHeader(Exchange.HTTP_PATH);
        Object query = request.getHeader(Exchange.HTTP_RAW_QUERY);
        // the body as the preparer set it (bytes or none); never a conversion: the item's message may be the list
        // file's, and converting its empty body to bytes would read the whole file
        byte[] body = request.getBody() instanceof byte[] bytes ? bytes : null;
        return method + ' ' + (path == null ? "" : path) + '?' + (query == null ? "" : query) + '\n'
                + (body == null ? "" : new String(body, StandardCharsets.UTF_8));
    }
}
