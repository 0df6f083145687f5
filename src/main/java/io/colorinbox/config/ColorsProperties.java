package io.colorinbox.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import io.colorinbox.api.ApiRequestTemplate;
import org.hibernate.validator.constraints.time.DurationMin;
import org.quartz.CronExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;

/**
 * Every {@code colors.*} setting; config/application.yaml documents each one. A bad value stops the start
 * with a message naming the key. ({@code colors.inbox.stable-for} lives in {@link InboxProperties}:
 * {@code colors.inbox} is itself a value.)
 */
@Validated
@ConfigurationProperties(prefix = "colors")
public class ColorsProperties implements Validator {

    /** Folder watched for list files. */
    @NotBlank
    private String inbox = "inbox";

    /** Where inputs go after success; empty means {@code <inbox>/.done}. */
    private String done = "";

    /** Where unreadable inputs go, with a report beside them; empty means {@code <inbox>/.error}. */
    private String error = "";

    /** Folder for the result files. */
    @NotBlank
    private String outbox = "outbox";

    /** Global bound on API calls in flight, across all files. */
    @Min(1)
    @Max(10_000)
    private int concurrency = 64;

    @Valid
    private final Files files = new Files();

    @Valid
    private final Poll poll = new Poll();

    @Valid
    private final Api api = new Api();

    @Valid
    private final Shutdown shutdown = new Shutdown();

    @Valid
    private final Progress progress = new Progress();

    @Valid
    private final Reorder reorder = new Reorder();


    /** Checks that need code; Spring Boot calls this because the class is its own {@link Validator}. */
    @Override
    public boolean supports(Class<?> type) {
        return ColorsProperties.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        ColorsProperties p = (ColorsProperties) target;
        if (p.api.url != null && p.api.method != null) {
            try {
                ApiRequestTemplate.of(p.api.url, p.api.method, p.api.body, p.api.pick);
            } catch (IllegalArgumentException e) {
                // the message starts with the key at fault
                String field = e.getMessage().startsWith("colors.api.body") ? "api.body"
                        : e.getMessage().startsWith("colors.api.pick") ? "api.pick" : "api.url";
                errors.rejectValue(field, "invalid", e.getMessage());
            }
        }
        String cron = p.poll.cron;
        if (cron != null && !cron.isBlank() && !CronExpression.isValidExpression(cron)) {
            errors.rejectValue("poll.cron", "invalid",
                    "is not a valid Quartz cron expression (seconds minutes hours day-of-month month day-of-week [year]), e.g. '0 0 2 * * ?'");
        }
        DataSize max = p.api.maxResponseSize;
        if (max != null && (max.toBytes() < DataSize.ofKilobytes(1).toBytes() || max.toBytes() > DataSize.ofGigabytes(1).toBytes())) {
            errors.rejectValue("api.maxResponseSize", "invalid", "colors.api.max-response-size must be between 1KB and 1GB, e.g. 1MB or 512KB");
        }
        if (p.api.sslBundle != null && !p.api.sslBundle.isBlank() && !p.api.url.regionMatches(true, 0, "https://", 0, 8)) {
            errors.rejectValue("api.sslBundle", "invalid", "colors.api.ssl-bundle is set but colors.api.url is not an https:// URL");
        }
        if (p.reorder.maxBytes != null && p.reorder.maxBytes.toBytes() < 1024) {
            errors.rejectValue("reorder.maxBytes", "invalid", "must be at least 1KB");
        }
        for (String name : p.api.headers.keySet()) {
            if (!name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
                errors.rejectValue("api.headers", "invalid", "'" + name + "' is not a valid HTTP header name");
            }
        }
    }

    public String getInbox() {
        return inbox;
    }

    public void setInbox(String inbox) {
        this.inbox = inbox;
    }

    public String getDone() {
        return done;
    }

    public void setDone(String done) {
        this.done = done;
    }

    public String getError() {
        return error;
    }

    public void setError(String error) {
        this.error = error;
    }

    public String getOutbox() {
        return outbox;
    }

    public void setOutbox(String outbox) {
        this.outbox = outbox;
    }

    public int getConcurrency() {
        return concurrency;
    }

    public void setConcurrency(int concurrency) {
        this.concurrency = concurrency;
    }

    public Files getFiles() {
        return files;
    }

    public Poll getPoll() {
        return poll;
    }

    public Api getApi() {
        return api;
    }

    public Shutdown getShutdown() {
        return shutdown;
    }

    public Progress getProgress() {
        return progress;
    }

    public Reorder getReorder() {
        return reorder;
    }

    /**
     * The reorder buffer of each file: results that finished ahead of an earlier, slower item wait there
     * to be written in input order. Besides the count (a window of 4 x concurrency items per file), their
     * bytes are bounded: above this, the file hands out no new item until the slow one is written.
     */
    public static class Reorder {

        @NotNull
        private DataSize maxBytes = DataSize.ofMegabytes(16);

        public DataSize getMaxBytes() {
            return maxBytes;
        }

        public void setMaxBytes(DataSize maxBytes) {
            this.maxBytes = maxBytes;
        }
    }

    /** Progress lines for long files. */
    public static class Progress {

        @NotNull
        @DurationMin(millis = 100)
        private Duration interval = Duration.ofSeconds(5);

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }
    }

    /** How many list files are worked on at once (they share the one concurrency bound). */
    public static class Files {

        @Min(1)
        @Max(64)
        private int parallel = 16;

        public int getParallel() {
            return parallel;
        }

        public void setParallel(int parallel) {
            this.parallel = parallel;
        }
    }

    public static class Poll {

        @NotNull
        @DurationMin(millis = 1)
        @DurationUnit(java.time.temporal.ChronoUnit.MILLIS)
        private Duration delay = Duration.ofMillis(50);

        /** Quartz cron expression; when set, the inbox is polled on this schedule only. */
        private String cron = "";

        public Duration getDelay() {
            return delay;
        }

        public void setDelay(Duration delay) {
            this.delay = delay;
        }

        public String getCron() {
            return cron;
        }

        public void setCron(String cron) {
            this.cron = cron;
        }
    }

    public static class Api {

        /** URL template; {color} is replaced by the item, percent-encoded as one path segment or one query value. */
        @NotBlank
        private String url = "http://127.0.0.1:8080/api/colors/{color}";

        /** GET, POST or PUT; retried by the same rules. */
        @NotNull
        private ApiRequestTemplate.Method method = ApiRequestTemplate.Method.GET;

        /** JSON template of the request body (POST/PUT); string values that are exactly {color} become the item. */
        @NotNull
        private String body = "";

        /** JSON Pointer (RFC 6901) of the part of each answer that the result keeps; empty = the whole answer. */
        @NotNull
        private String pick = "";

        /** Bound on each attempt (connect, wait for a pooled connection, wait for the answer). */
        @NotNull
        @DurationMin(millis = 1)
        @DurationUnit(java.time.temporal.ChronoUnit.MILLIS)
        private Duration timeout = Duration.ofSeconds(10);

        /** Extra attempts after the first, for connection errors, timeouts, 5xx and 429. */
        @Min(0)
        @Max(10)
        private int retries = 2;

        /** First retry delay; doubles per retry, with jitter. */
        @NotNull
        @DurationMin(millis = 0)
        private Duration backoff = Duration.ofMillis(200);

        /** Cap on any single retry delay, including a server's Retry-After. */
        @NotNull
        @DurationMin(millis = 0)
        private Duration maxBackoff = Duration.ofSeconds(10);

        /** Requests per second across all files; 0 = unlimited. */
        @Min(0)
        private double rateLimit = 0;

        /** Headers sent with every call (e.g. an API key from an environment variable); never logged. */
        private Map<String, String> headers = new LinkedHashMap<>();

        /** Largest answer kept; a larger one is a per-item failure, not retried, and never held in memory. */
        @NotNull
        private DataSize maxResponseSize = DataSize.ofMegabytes(1);

        /** Name of a Spring Boot SSL bundle (spring.ssl.bundle.*) for TLS to the API; empty = the JVM's trust store. */
        @NotNull
        private String sslBundle = "";

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }

        public int getRetries() {
            return retries;
        }

        public void setRetries(int retries) {
            this.retries = retries;
        }

        public Duration getBackoff() {
            return backoff;
        }

        public void setBackoff(Duration backoff) {
            this.backoff = backoff;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        public double getRateLimit() {
            return rateLimit;
        }

        public void setRateLimit(double rateLimit) {
            this.rateLimit = rateLimit;
        }

        public Map<String, String> getHeaders() {
            return headers;
        }

        public void setHeaders(Map<String, String> headers) {
            this.headers = headers;
        }

        public DataSize getMaxResponseSize() {
            return maxResponseSize;
        }

        public void setMaxResponseSize(DataSize maxResponseSize) {
            this.maxResponseSize = maxResponseSize;
        }

        public ApiRequestTemplate.Method getMethod() {
            return method;
        }

        public void setMethod(ApiRequestTemplate.Method method) {
            this.method = method;
        }

        public String getBody() {
            return body;
        }

        public void setBody(String body) {
            this.body = body;
        }

        public String getPick() {
            return pick;
        }

        public void setPick(String pick) {
            this.pick = pick;
        }

        public String getSslBundle() {
            return sslBundle;
        }

        public void setSslBundle(String sslBundle) {
            this.sslBundle = sslBundle;
        }
    }

    public static class Shutdown {

        /** How long a stop waits for files in progress; unfinished files stay in the inbox. */
        @NotNull
        @DurationMin(millis = 0)
        private Duration timeout = Duration.ofSeconds(30);

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }
}
