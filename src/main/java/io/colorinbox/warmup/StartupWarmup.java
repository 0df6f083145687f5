package io.colorinbox.warmup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.colorinbox.api.ApiCallPreparer;
import io.colorinbox.api.CallProperties;
import io.colorinbox.api.ColorResult;
import io.colorinbox.api.ResponseBodies;
import io.colorinbox.inbox.ColorItem;
import io.colorinbox.inbox.ColorItems;
import io.colorinbox.inbox.ColorListReader;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the per-item path {@code colors.warmup.items} times before the application reports that it
 * started, so the first file does not pay for class loading and for code the JIT has not compiled yet
 * (measured: the first 300-item file's calls left over 0.3-0.6 s instead of under 0.1 s, and its CPU
 * per item was 7 times that of a warm file). The calls go to an in-process loopback server, never to
 * the configured API, through the same pieces as a file: a list read by the list reader, a streaming
 * parallel split on the call pool, the http component with the API's settings, the response parsed,
 * each result serialized to a temp file (deleted after). Nothing of it reaches the outbox, the inbox,
 * the call bound or the rate limit; a failure is logged and the start goes on.
 */
public class StartupWarmup implements CamelContextConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(StartupWarmup.class);
    private static final String[] COLORS = {"red", "teal", "navy", "gold", "salmon", "lightgoldenrodyellow", "rebeccapurple"};

    private final int items;
    private final ApiCallPreparer preparer;
    private final String method;
    private final ExecutorService pool;

    /** @param method the API's method: the warm-up's requests have the configured shape (path, query, body) */
    public StartupWarmup(int items, ApiCallPreparer preparer, String method, ExecutorService pool) {
        this.items = items;
        this.preparer = preparer;
        this.method = method;
        this.pool = pool;
    }

    @Override
    public void beforeApplicationStart(CamelContext camel) {
        // the warm-up needs the started context
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
        if (items <= 0) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            int answered = run(camel);
            LOG.info("Warm-up: {} of {} calls of the per-item path answered in {} ms (an in-process server, not the API; "
                    + "colors.warmup.items=0 turns this off)", answered, items, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        } catch (Exception e) {
            LOG.warn("Warm-up failed, going on without it: {}", e.toString());
        }
    }

    private int run(CamelContext camel) throws Exception {
        Path list = Files.createTempFile("color-inbox-warmup-", ".txt");
        Path results = Files.createTempFile("color-inbox-warmup-", ".results");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < items; i++) {
            text.append(COLORS[i % COLORS.length]).append('\n');
        }
        AtomicInteger answered = new AtomicInteger();
        ObjectMapper mapper = new ObjectMapper();
        ResponseBodies bodies = new ResponseBodies(mapper);
        // as for a file: an item is handed out only while fewer than this many are not yet written (memory stays small)
        Semaphore window = new Semaphore(4 * WarmupServer.CONNECTIONS);
        try (WarmupServer server = new WarmupServer();
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(results), 1 << 16)) {
            Files.writeString(list, text, StandardCharsets.UTF_8);
            // the http component as configured for the API (timeouts, no retries or redirects), its own endpoint and pool;
            // at most WarmupServer.CONNECTIONS connections, which the server keeps open
            String http = server.base() + "?httpMethod=" + method + "&throwExceptionOnFailure=true&disableStreamCache=true"
                    + "&maxTotalConnections=" + WarmupServer.CONNECTIONS + "&connectionsPerRoute=" + WarmupServer.CONNECTIONS;
            // each result serialized as the result writer does (its JSON bytes), in arrival order: order is not the point here
            AggregationStrategy toWriter = (oldExchange, newExchange) -> {
                ColorResult result = newExchange.getMessage().getBody() instanceof ColorResult r ? r
                        : ColorResult.internalError(newExchange.getProperty(Exchange.SPLIT_INDEX, 0, Integer.class), null, "warm-up call failed");
                newExchange.setException(null); // a failed warm-up call is counted, not thrown
                try {
                    byte[] json = mapper.writeValueAsBytes(result);
                    synchronized (out) {
                        out.write(json);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    window.release();
                }
                return oldExchange != null ? oldExchange : newExchange;
            };
            try {
                camel.addRoutes(new RouteBuilder(camel) {
                    @Override
                    public void configure() {
                        from("direct:colors-warmup").routeId("colors-warmup")
                                .split(body(), toWriter).streaming().parallelProcessing().executorService(pool).synchronous()
                                .to("direct:colors-warmup-call")
                                .end();
                        from("direct:colors-warmup-call").routeId("colors-warmup-call")
                                .removeHeaders("*")
                                .process(preparer)
                                .filter(exchangeProperty(CallProperties.SEND))
                                .to(http)
                                .process(exchange -> {
                                    ColorItem item = exchange.getProperty(CallProperties.ITEM, ColorItem.class);
                                    var message = exchange.getMessage();
                                    message.setBody(ColorResult.answered(item.index(), item.color(),
                                            message.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class), 0, 1,
                                            bodies.parse(message.getBody(byte[].class))));
                                    answered.incrementAndGet();
                                });
                    }
                });
                try (ColorItems colorItems = ColorListReader.open(list);
                     ProducerTemplate template = camel.createProducerTemplate()) {
                    template.sendBody("direct:colors-warmup", windowed(colorItems, window));
                }
            } finally {
                removeRoutes(camel, http);
            }
        } finally {
            deleteQuietly(list);
            deleteQuietly(results);
        }
        return answered.get();
    }

    private static Iterator<ColorItem> windowed(Iterator<ColorItem> items, Semaphore window) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return items.hasNext();
            }

            @Override
            public ColorItem next() {
                try {
                    if (!window.tryAcquire(1, TimeUnit.MINUTES)) {
                        throw new IllegalStateException("no result written for a minute");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
                return items.next();
            }
        };
    }

    /** Removes the warm-up's routes and its http endpoint (which closes the endpoint's connections). */
    private static void removeRoutes(CamelContext camel, String http) throws Exception {
        for (String id : new String[] {"colors-warmup", "colors-warmup-call"}) {
            if (camel.getRoute(id) != null) {
                camel.getRouteController().stopRoute(id);
                camel.removeRoute(id);
            }
        }
        camel.removeEndpoints(http.substring(0, http.indexOf('?')) + "*");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("cannot delete {}: {}", file, e.toString());
        }
    }
}
