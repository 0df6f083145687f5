package io.colorinbox.repeats;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.colorinbox.api.CallProperties;
import io.colorinbox.api.ColorResult;
import io.colorinbox.api.Reuse;
import io.colorinbox.inbox.ColorItem;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * The route's step between an item's request being made and its call: a request already answered (in this list,
 * or in the cache across lists) takes that answer and makes no call; one whose call is in flight waits for it,
 * holding no place in the bound and no rate-limit permit (its pool thread waits: the split runs each row to its
 * end); otherwise the row makes the call, and when its exchange is done, whatever way it ended (answer, failure,
 * even an Error), its answer is kept and the rows that waited go on. A failure is not kept: the rows that waited
 * each call on their own, at once and in parallel.
 *
 * <p>The key is the request itself (method, path, query and body as the API gets them), so the request shape
 * (colors.api.url, method, body) decides what counts as the same item, not the item's text alone.
 */
public class RepeatedAnswers implements Processor {

    /** Exchange property of a list's exchange (and so of its items): its {@link FileAnswers}. */
    public static final String PROPERTY = "colorsAnswers";
    /** Exchange property of a row that was answered: what its answer's {@link CacheDirectives} allow. */
    private static final String DIRECTIVES = "colorsCacheDirectives";

    private final Repeats mode;
    private final long bytesPerList;
    private final AnswerCache cache;
    private final String method;

    /** @param cache the cache across lists, {@code null} when off */
    RepeatedAnswers(Repeats mode, long bytesPerList, AnswerCache cache, String method) {
        this.mode = mode;
        this.bytesPerList = bytesPerList;
        this.cache = cache;
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
    public void process(Exchange row) throws InterruptedException {
        FileAnswers answers = row.getProperty(PROPERTY, FileAnswers.class);
        if (answers == null || !row.getProperty(CallProperties.SEND, false, Boolean.class)) {
            return; // call-each, or a rejected item: nothing to reuse
        }
        long since = System.nanoTime();
        String key = keyOf(row.getMessage());
        KeptAnswer cached = cache == null ? null : cache.get(key);
        if (cached != null) {
            reuse(row, cached, Reuse.CACHE, since);
            return;
        }
        FileAnswers.Turn turn = answers.join(key);
        if (turn instanceof FileAnswers.Hit hit) {
            reuse(row, hit.answer(), Reuse.REPEAT, since);
        } else if (turn instanceof FileAnswers.Lead lead) {
            settleWhenDone(row, answers, key, lead.flight());
        } else if (turn instanceof FileAnswers.Wait wait) {
            KeptAnswer answer = wait.flight().await();
            if (answer != null) {
                reuse(row, answer, Reuse.REPEAT, since);
            } else {
                settleWhenDone(row, answers, key, null); // the call failed: this row makes its own
            }
        }
    }

    /** Whatever way the row's exchange ends, its answer is kept (if it may be) and the rows that wait go on. */
    private void settleWhenDone(Exchange row, FileAnswers answers, String key, FileAnswers.Flight flight) {
        row.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
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
        KeptAnswer kept = null;
        try {
            ColorResult result = done.getException() == null && done.getMessage().getBody() instanceof ColorResult r
                    ? r : null;
            CacheDirectives directives = done.getProperty(DIRECTIVES, CacheDirectives.class);
            Integer bytes = done.getProperty(CallProperties.ANSWER_BYTES, Integer.class);
            if (result != null && result.ok() && result.reused() == null && directives != null && bytes != null
                    && !directives.noStore()) {
                kept = KeptAnswer.of(key, result, bytes);
                if (cache != null) {
                    cache.put(key, kept, directives);
                }
            }
        } finally {
            // the rows that wait must go on, whatever happened here
            answers.settle(key, flight, kept);
        }
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
