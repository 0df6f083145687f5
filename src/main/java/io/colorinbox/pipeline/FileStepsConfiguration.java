package io.colorinbox.pipeline;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.colorinbox.api.ApiCallSlots;
import io.colorinbox.api.ApiRequestTemplate;
import io.colorinbox.cluster.ClusterProperties;
import io.colorinbox.config.ColorsProperties;
import io.colorinbox.outbox.OutputNames;
import io.colorinbox.outbox.ResultFileAssembler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps of routes/color-inbox.yaml that concern a whole file, each a bean of its own: listStart (start,
 * items), listFinish, listRejection and retryLater (the file-failures route configuration); and what they share.
 */
@Configuration(proxyBeanMethods = false)
public class FileStepsConfiguration {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The listeners (beans: the job registry, the metrics) are told where a list starts, advances and ends. */
    private static PipelineEvents events(ObjectProvider<PipelineEvents> listeners) {
        return PipelineEvents.of(listeners.orderedStream().toList());
    }

    @Bean
    ActiveJobs activeJobs(Folders folders) {
        return new ActiveJobs(new OutputNames(folders.outbox(), JSON), folders.work());
    }

    /** Made (and the folders with it) before any route starts; only orphans go, so instances may share the outbox. */
    @Bean
    FolderSetup folderSetup(Folders folders, ActiveJobs active) throws IOException {
        FolderSetup setup = new FolderSetup(folders, active, JSON);
        setup.prepare();
        return setup;
    }

    /** {@code folderSetup} only orders the beans: no list starts before the folders exist. */
    @Bean
    ListStart listStart(Folders folders, ColorsProperties colors, ApiRequestTemplate api, ActiveJobs active,
                        ObjectProvider<PipelineEvents> listeners, FolderSetup folderSetup, ApiCallSlots slots) {
        // the reorder window: a few times the bound (its most), so a slow item pauses its file only after that many results
        int window = Math.max(256, 4 * slots.max());
        return new ListStart(folders, window, colors.reorder().maxBytes().toBytes(), JSON, api.identity(), active,
                events(listeners));
    }

    @Bean
    ListFinish listFinish(Folders folders, ClusterProperties cluster, FileRetries retries,
                          ObjectProvider<PipelineEvents> listeners) {
        return new ListFinish(folders, new ResultFileAssembler(JSON, cluster.nodeId()), retries, events(listeners));
    }

    @Bean
    RetryLater retryLater(Folders folders, FileRetries retries, ActiveJobs active, ObjectProvider<PipelineEvents> listeners) {
        return new RetryLater(folders, retries, active, events(listeners));
    }

    @Bean
    ListRejection listRejection(Folders folders, ActiveJobs active, RetryLater retryLater,
                                ObjectProvider<PipelineEvents> listeners) {
        return new ListRejection(folders, active, retryLater, events(listeners));
    }

    @Bean
    ProgressLines progressLines(ActiveJobs active) {
        return new ProgressLines(active);
    }
}
