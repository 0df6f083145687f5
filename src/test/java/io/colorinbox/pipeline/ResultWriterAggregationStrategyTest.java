package io.colorinbox.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.colorinbox.api.ColorResult;
import io.colorinbox.outbox.ResultsPrefix;
import io.colorinbox.outbox.WorkFiles;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An Error met by an item (even one the API call's error handler made a result of) fails the file. */
class ResultWriterAggregationStrategyTest {

    @TempDir
    Path dir;

    final CamelContext camel = new DefaultCamelContext();
    final ResultWriterAggregationStrategy strategy = new ResultWriterAggregationStrategy();

    @AfterEach
    void stop() throws Exception {
        camel.close();
    }

    private FileJob job() throws Exception {
        Path input = Files.writeString(dir.resolve("in.txt"), "a\nb\n");
        return new FileJob("in.txt", input, 4, "in.json", WorkFiles.of(dir, "in.txt"), ResultsPrefix.NONE, 256,
                1_000_000, new ObjectMapper());
    }

    private Exchange item(FileJob job, int index) {
        Exchange item = new DefaultExchange(camel);
        item.setProperty(FileJob.PROPERTY, job);
        item.getMessage().setBody(ColorResult.internalError(index, "c" + index, "internal"));
        return item;
    }

    @Test
    void anOutOfMemoryErrorIsNeverAnItemsResult() throws Exception {
        FileJob job = job();
        Exchange file = new DefaultExchange(camel);
        strategy.aggregate(null, item(job, 0), file);
        Exchange failed = item(job, 1);
        // what Camel keeps after the API call's error handler turned the failure into a result
        failed.setProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, new RuntimeCamelException(new OutOfMemoryError("Java heap space")));

        assertThatThrownBy(() -> strategy.aggregate(file, failed, file))
                .isInstanceOf(JobAbortedException.class)
                .hasMessage("OutOfMemoryError while item 1 was worked on")
                .hasRootCauseInstanceOf(OutOfMemoryError.class);

        assertThat(job.failure()).isInstanceOf(JobAbortedException.class);
        assertThat(job.writer().written()).as("only item 0").isEqualTo(1);
        assertThat(job.awaitRoomForOneMore()).as("no more items").isFalse();
        job.writer().close();
    }
}
