package io.colorinbox;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import io.colorinbox.cluster.ClusterProperties;
import io.colorinbox.support.InboxFolders;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.spi.IdempotentRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Cluster mode off (the default): no database at all, and the node still named in outputs and metrics. */
@AppTest
class ClusterOffTest extends LoopbackApiTest {

    static final InboxFolders FOLDERS = InboxFolders.createTemp("color-inbox-cluster-off");

    @Autowired
    ApplicationContext context;

    @Autowired
    ClusterProperties cluster;

    @Autowired
    MeterRegistry metrics;

    @Test
    void startsWithoutAnyDatasource() {
        assertThat(cluster.enabled()).isFalse();
        assertThat(context.getBeansOfType(DataSource.class)).isEmpty();
        assertThat(context.getBeansOfType(IdempotentRepository.class)).isEmpty();
    }

    @Test
    void theNodeIdDefaultsToHostAndPidAndNamesOutputsAndMetrics() {
        assertThat(cluster.nodeId()).endsWith("-" + ProcessHandle.current().pid()).hasSizeGreaterThan(2);

        FOLDERS.drop("named.txt", "red\nblue");
        JsonNode out = FOLDERS.awaitOutput("named.json");

        assertThat(out.get("processedBy").asText()).isEqualTo(cluster.nodeId());
        assertThat(metrics.get("jvm.threads.live").meter().getId().getTag("node")).isEqualTo(cluster.nodeId());
    }
}
