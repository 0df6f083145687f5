package io.colorinbox.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.colorinbox.inbox.BadListException;
import io.colorinbox.inbox.ColorItems;
import io.colorinbox.inbox.ColorListReader;
import io.colorinbox.inbox.ListFormat;
import io.colorinbox.jobs.JobRegistry;
import io.colorinbox.jobs.ListJob;
import io.colorinbox.jobs.ListStatus;
import io.colorinbox.pipeline.ListSource;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The steps of {@code routes/http-intake.yaml}: take a posted list (bounded in count and size, spooled to
 * a file under the outbox's work folder, counted), hand it to {@code direct:process-list} like an inbox
 * file, and answer with its result, or {@code 202} and its status later. Every answer that is not a
 * result is a small JSON document.
 */
public class ListIntake {

    static final String SUPPORTED_TYPES =
            "send the list as text/plain (one color per line), application/json or text/csv, in UTF-8";
    /** Exchange property: the posted list is answered 202 and processed in the background. */
    static final String ASYNC = "colorsAsync";
    /** Exchange property: the posted list's id. */
    static final String LIST_ID = "colorsListId";

    private static final Logger LOG = LoggerFactory.getLogger(ListIntake.class);
    private static final Set<String> CHARSETS = Set.of("utf-8", "us-ascii", "utf-16", "utf-16be", "utf-16le");

    private final HttpProperties settings;
    private final Path work;
    private final JobRegistry registry;
    private final ObjectMapper json;
    /** HTTP lists queued or running: the bound that answers 503 rather than queueing without end. */
    private final Semaphore places;

    public ListIntake(HttpProperties settings, Path work, JobRegistry registry, ObjectMapper json) {
        this.settings = settings;
        this.work = work;
        this.registry = registry;
        this.json = json;
        this.places = new Semaphore(settings.maxLists());
    }

    /** HTTP lists queued or running now. */
    public int inProgress() {
        return settings.maxLists() - places.availablePermits();
    }

    public int maxLists() {
        return settings.maxLists();
    }

    /**
     * {@code POST /api/lists}: checks the declared size, takes a place (or 503), copies the body to a file
     * with a cap (413), reads it once to count the items (400 with the reason and where), registers the list
     * and makes the exchange's body its {@link ListSource}.
     */
    public void accept(Exchange exchange) throws IOException {
        HttpServletRequest request = exchange.getMessage().getHeader("CamelHttpServletRequest", HttpServletRequest.class);
        Query query = Query.parse(request.getQueryString());
        ListFormat format = formatOf(request.getContentType(), query.name());
        long maxBytes = settings.maxBodySize().toBytes();
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge();
        }
        if (!places.tryAcquire()) {
            throw new HttpProblem(503, "busy: " + settings.maxLists() + " lists are in progress (colors.http.max-lists); "
                    + "try again later", null, Math.max(1, settings.retryAfter().toSeconds()));
        }
        String id = JobRegistry.newId();
        Path spool = work.resolve("http-" + id + "." + format.name().toLowerCase(Locale.ROOT));
        try {
            try {
                BodySpooler.spool(DeferredBodyFilter.bodyOf(request), spool, maxBytes);
            } catch (BodySpooler.TooLarge e) {
                throw tooLarge();
            }
            int total = count(spool);
            String name = SourceNames.of(query.name(), format, id);
            boolean async = query.async() || total > settings.syncMaxItems();
            registry.submit(id, name, total);
            Message message = exchange.getMessage();
            message.removeHeaders("*"); // nothing of the request goes further (nor back into the answer)
            message.setBody(new ListSource(spool, name, id, false));
            exchange.setProperty(ASYNC, async);
            exchange.setProperty(LIST_ID, id);
            LOG.info("{} received over HTTP: {} items, list {} ({})", name, total, id, async ? "in the background" : "answered when done");
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(spool);
            places.release();
            throw e;
        }
    }

    /**
     * The start of the list's processing (the request's own exchange, or its background copy): whatever way
     * it ends, the spooled body goes and the place is given back.
     */
    public void running(Exchange exchange) {
        ListSource source = exchange.getMessage().getBody(ListSource.class);
        if (exchange.getProperty(ASYNC, false, Boolean.class)) {
            // the background copy outlives its request: its message must not be the platform-http one, which
            // still refers to the servlet request that Tomcat recycles once the 202 is sent (Camel 4.22 reads
            // it again when the split copies the message per item)
            Message detached = new DefaultMessage(exchange);
            detached.setBody(source);
            exchange.setMessage(detached);
        }
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                try {
                    Files.deleteIfExists(source.file());
                } catch (IOException e) {
                    LOG.warn("Cannot remove the spooled list {}: {}", source.file(), e.getMessage());
                }
                places.release();
                Throwable failure = done.getException() != null ? done.getException()
                        : done.getProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, Throwable.class);
                registry.abandoned(source.id(), failure == null ? "stopped before it finished"
                        : "stopped: " + failure.getMessage());
            }
        });
    }

    /** {@code 202 Accepted} with {@code Location}: the list goes on in the background. */
    public void accepted(Exchange exchange) throws IOException {
        ListJob job = job(exchange.getProperty(LIST_ID, String.class));
        Message message = answer(exchange, 202, json.writeValueAsBytes(ListStatus.of(job)));
        message.setHeader("Location", ListStatus.urlOf(job.id()));
    }

    /** After a synchronous run: the result document (200), or why there is none. */
    public void answerWhenDone(Exchange exchange) throws IOException {
        ListJob job = job(exchange.getProperty(LIST_ID, String.class));
        if (job.state() == ListJob.State.FAILED) {
            throw new HttpProblem(job.where() != null ? 400 : 500, job.error(), job.where(), 0);
        }
        Path output = job.output().orElseThrow(() -> HttpProblem.of(500, "the list ended without an output"));
        Message message = answer(exchange, 200, Files.newInputStream(output));
        message.setHeader("Content-Location", ListStatus.urlOf(job.id()) + "/result");
    }

    /** {@code GET /api/lists/{id}}: status and progress; once done, with the result document as {@code result}. */
    public void status(Exchange exchange) throws IOException {
        ListJob job = job(exchange.getMessage().getHeader("id", String.class));
        byte[] status = json.writeValueAsBytes(ListStatus.of(job));
        Optional<Path> output = job.output();
        if (output.isEmpty()) {
            answer(exchange, 200, status);
            return;
        }
        // {...status..., "result": <the output document>}, streamed
        List<InputStream> parts = List.of(new ByteArrayInputStream(status, 0, status.length - 1),
                new ByteArrayInputStream(",\"result\":".getBytes(StandardCharsets.UTF_8)),
                Files.newInputStream(output.get()), new ByteArrayInputStream("}".getBytes(StandardCharsets.UTF_8)));
        answer(exchange, 200, new SequenceInputStream(Collections.enumeration(parts)));
    }

    /** {@code GET /api/lists/{id}/result}: the output document, as a download. */
    public void result(Exchange exchange) throws IOException {
        ListJob job = job(exchange.getMessage().getHeader("id", String.class));
        if (!job.isOver()) {
            throw HttpProblem.of(409, "the list is " + job.state().label() + ": " + job.done() + " items done so far");
        }
        if (job.state() == ListJob.State.FAILED) {
            throw new HttpProblem(409, "the list failed: " + job.error(), job.where(), 0);
        }
        Path output = job.output().orElseThrow(() -> HttpProblem.of(410,
                "the output is no longer in the outbox (removed, or replaced by a later list of the same name)"));
        Message message = answer(exchange, 200, Files.newInputStream(output));
        String file = job.outputName();
        // filename*=UTF-8'' only when needed: browsers and curl -J read a plain ASCII filename best
        boolean plain = file.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\');
        message.setHeader("Content-Disposition", (plain ? ContentDisposition.attachment().filename(file)
                : ContentDisposition.attachment().filename(file, StandardCharsets.UTF_8)).build().toString());
    }

    /** The answer for an {@link HttpProblem}: {@code {"error": ..., "where": ...}}, with Retry-After when busy. */
    public void problem(Exchange exchange) throws IOException {
        HttpProblem problem = exchange.getProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, HttpProblem.class);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", problem.error());
        if (problem.where() != null) {
            body.put("where", problem.where());
        }
        Message message = answer(exchange, problem.status(), json.writeValueAsBytes(body));
        if (problem.retryAfterSeconds() > 0) {
            message.setHeader("Retry-After", String.valueOf(problem.retryAfterSeconds()));
        }
    }

    private ListJob job(String id) {
        return (id == null ? Optional.<ListJob>empty() : registry.find(id))
                .orElseThrow(() -> HttpProblem.of(404, "no list with id " + (id == null ? "" : id)
                        + " (ids are kept for the last lists only)"));
    }

    private static Message answer(Exchange exchange, int status, Object body) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(body);
        return message;
    }

    private HttpProblem tooLarge() {
        return HttpProblem.of(413, "the body is larger than " + settings.maxBodySize().toBytes()
                + " bytes (colors.http.max-body-size); split the list or drop it into the inbox");
    }

    /** The list's format, from the content type (or, without one, from the name's extension). */
    static ListFormat formatOf(String contentType, String name) {
        if (contentType == null || contentType.isBlank()) {
            return ListFormat.of(name);
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            throw HttpProblem.of(415, "unreadable Content-Type; " + SUPPORTED_TYPES);
        }
        String charset = type.getParameter("charset");
        if (charset != null && !CHARSETS.contains(charset.replace("\"", "").toLowerCase(Locale.ROOT))) {
            throw HttpProblem.of(415, "charset " + charset + " is not read; " + SUPPORTED_TYPES);
        }
        String mime = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
        if (mime.equals("text/plain")) {
            return ListFormat.TXT;
        }
        if (mime.equals("application/json") || mime.endsWith("+json")) {
            return ListFormat.JSON;
        }
        if (mime.equals("text/csv") || mime.equals("application/csv")) {
            return ListFormat.CSV;
        }
        if (mime.equals("application/octet-stream")) {
            return ListFormat.of(name);
        }
        throw HttpProblem.of(415, contentType + " is not a list format; " + SUPPORTED_TYPES);
    }

    /** Reads the list once: its item count, or a 400 with the same reason and place as the inbox's error report. */
    private static int count(Path list) throws IOException {
        try (ColorItems items = ColorListReader.open(list)) {
            int n = 0;
            while (items.hasNext()) {
                items.next();
                n++;
            }
            return n;
        } catch (BadListException e) {
            throw new HttpProblem(400, e.getMessage(), e.location(), 0);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** {@code ?name=...&async=true}, read from the query string only (never from a body or a header). */
    record Query(String name, boolean async) {

        static Query parse(String queryString) {
            String name = null;
            boolean async = false;
            if (queryString != null) {
                for (String pair : queryString.split("&")) {
                    int eq = pair.indexOf('=');
                    String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                    String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                    if (key.equals("name")) {
                        name = value;
                    } else if (key.equals("async")) {
                        async = value.isEmpty() || value.equalsIgnoreCase("true") || value.equals("1");
                    }
                }
            }
            return new Query(name, async);
        }

        private static String decode(String s) {
            try {
                return URLDecoder.decode(s, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw HttpProblem.of(400, "the query string is not correctly percent-encoded");
            }
        }
    }
}
