package io.colorinbox.pipeline;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.colorinbox.api.ApiCallSlots;
import io.colorinbox.api.ApiRequestTemplate;
import io.colorinbox.cluster.ClusterProperties;
import io.colorinbox.config.ColorsProperties;
import io.colorinbox.config.InboxProperties;
import org.apache.camel.CamelContext;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans the route refers to by name, and the values it reads as {@code {{route.*}}}. */
@Configuration(proxyBeanMethods = false)
public class PipelineConfiguration {

    @Bean
    Folders folders(ColorsProperties colors) {
        return Folders.of(colors);
    }

    @Bean
    FileRetries fileRetries(InboxProperties inbox) {
        return new FileRetries(inbox.retryDelay());
    }

    /** The file consumer's onCompletionExceptionHandler: an input that cannot be moved waits for the retry delay. */
    @Bean
    InputMoveFailures inputMoveFailures(FileRetries retries) {
        return new InputMoveFailures(retries);
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService progressLog(ProgressLines progress, ColorsProperties colors, Folders folders) {
        InboxDirectoryWarnings directories = new InboxDirectoryWarnings(folders.inbox());
        long every = colors.progress().interval().toNanos();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "color-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                progress.log(every);
                directories.check();
            } catch (RuntimeException e) {
                // a failed round must not end the schedule
                LoggerFactory.getLogger(PipelineConfiguration.class).debug("progress log failed", e);
            }
        }, every, every, TimeUnit.NANOSECONDS);
        return timer;
    }

    @Bean
    ResultWriterAggregationStrategy resultWriterStrategy(ObjectProvider<PipelineEvents> listeners) {
        return new ResultWriterAggregationStrategy(PipelineEvents.of(listeners.orderedStream().toList()));
    }

    @Bean
    StableFileReadLock stableFileReadLock(InboxProperties inbox, FileRetries retries) {
        return new StableFileReadLock(inbox.stableFor(), retries);
    }

    /**
     * The split's pool: core = max, so every thread exists (a pool grows past its core only when its
     * queue is full); its queue never rejects (Camel's -1 would mean no queue at all). The split
     * queues at most about one task per free thread: its iterator is itself a task of this pool. The API bound itself is apiCallSlots; the extra threads run each file's
     * item iterator, which may wait for its window, so they never take a place from the calls.
     */
    @Bean
    ExecutorService colorCallPool(CamelContext camel, ColorsProperties colors, ApiCallSlots slots) {
        // as many callers as the bound can ever let in (colors.adaptive.cap with auto)
        int threads = slots.max() + colors.files().parallel() + 1;
        ThreadPoolProfile profile = new ThreadPoolProfileBuilder("color-call")
                .poolSize(threads).maxPoolSize(threads).maxQueueSize(Integer.MAX_VALUE)
                .allowCoreThreadTimeOut(false).rejectedPolicy(ThreadPoolRejectedPolicy.Abort).build();
        ExecutorService pool = camel.getExecutorServiceManager().newThreadPool(this, "color-call", profile);
        if (pool instanceof ThreadPoolExecutor executor) {
            executor.prestartAllCoreThreads(); // the first file should not wait for hundreds of threads to be made
        }
        return pool;
    }

    @Bean
    CamelContextConfiguration routeSettings(ColorsProperties colors, InboxProperties inbox, Folders folders,
                                            ApiRequestTemplate api) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                PropertiesComponent pc = camel.getPropertiesComponent();
                pc.addInitialProperty("route.inbox", folders.inbox().toString());
                pc.addInitialProperty("route.poll-delay-ms", String.valueOf(colors.poll().delay().toMillis()));
                pc.addInitialProperty("route.poll-cron", colors.poll().cron().strip());
                // which inbox route runs: the fixed-delay one, the cron one, or none
                String polling = !inbox.enabled() ? "off" : colors.poll().cron().isBlank() ? "delay" : "cron";
                pc.addInitialProperty("route.polling", polling);
                pc.addInitialProperty("route.api-base", api.url().base());
                pc.addInitialProperty("route.api-method", api.method().name());
                pc.addInitialProperty("route.files-parallel", String.valueOf(colors.files().parallel()));
                var shutdown = camel.getShutdownStrategy();
                shutdown.setTimeUnit(TimeUnit.MILLISECONDS);
                shutdown.setTimeout(Math.max(1, colors.shutdown().timeout().toMillis()));
                shutdown.setShutdownNowOnTimeout(true);
                // after the routes stopped (gracefully or forced), a pool thread can still be in an API
                // call that outlives the stop: do not wait Camel's default 10 s per pool for it
                camel.getExecutorServiceManager().setShutdownAwaitTermination(1000);
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
                // nothing to do once started
            }
        };
    }
}
