package io.colorinbox.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.colorinbox.inbox.BadListException;
import io.colorinbox.inbox.ColorItem;
import io.colorinbox.inbox.ColorItems;
import io.colorinbox.inbox.ColorListReader;
import io.colorinbox.inbox.ListFormat;
import io.colorinbox.outbox.InputIdentity;
import io.colorinbox.outbox.ResultsPrefix;
import io.colorinbox.outbox.ResumableResults;
import io.colorinbox.outbox.WorkFiles;
import io.colorinbox.outbox.WriteFailedException;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start of a list: claim an output name, continue after the results an interrupted run left or open a fresh
 * writer, and hand out the items to split within the file's window.
 */
public class ListStart {

    private static final Logger LOG = LoggerFactory.getLogger(ListStart.class);

    private final Folders folders;
    private final int window;
    private final long maxBytesWaiting;
    private final ObjectMapper mapper;
    private final String requestIdentity;
    private final ActiveJobs active;
    private final PipelineEvents events;

    /**
     * @param window          items per file handed out and not yet written
     * @param maxBytesWaiting no new item of a file while its results waiting in the reorder buffer take more
     * @param requestIdentity the request shape's identity: results kept from an interrupted run count only for the same one
     * @param events          told when a list starts, has a result written, finishes or fails (registry, metrics)
     */
    public ListStart(Folders folders, int window, long maxBytesWaiting, ObjectMapper mapper, String requestIdentity,
                     ActiveJobs active, PipelineEvents events) {
        this.folders = folders;
        this.window = window;
        this.maxBytesWaiting = maxBytesWaiting;
        this.mapper = mapper;
        this.requestIdentity = requestIdentity;
        this.active = active;
        this.events = events;
    }

    /** Opens the list of the exchange: a file from the inbox or a {@link ListSource} from the HTTP entry. */
    public void start(Exchange exchange) throws IOException {
        ListSource source = ListSource.of(exchange);
        Path input = source.file();
        String name = source.name();
        if (Files.isSymbolicLink(input)) {
            throw new BadListException("the file is a symbolic link; links are not followed", null);
        }
        String outputName = active.outputNames().claim(name);
        FileJob job;
        try {
            // an outbox removed while the app runs comes back with the next file (its health says it is missing)
            FolderChecks.writable(folders.work());
            WorkFiles files = WorkFiles.of(folders.work(), name);
            InputIdentity identity = InputIdentity.of(input, ListFormat.of(name).name(), requestIdentity);
            ResultsPrefix prefix = ResumableResults.prepare(files, identity, input, mapper);
            job = new FileJob(name, input, identity.size(), outputName, files, prefix, window, maxBytesWaiting, mapper);
        } catch (IOException | RuntimeException e) {
            active.outputNames().release(outputName);
            throw e;
        }
        active.add(job);
        exchange.setProperty(FileJob.PROPERTY, job);
        if (job.resumedFrom() > 0) {
            LOG.info("{}: continuing after its first {} items, answered before an interruption", name,
                    job.resumedFrom());
        }
        // whatever way the exchange ends, the name is free again and the temp files go, except when the
        // application is stopping: then the file stays in the inbox and the next start continues after them
        events.listStarted(source, job);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                boolean interrupted = done.getContext().isStopping() && done.isFailed()
                        && !(job.failure() instanceof WriteFailedException);
                active.discard(job, interrupted);
            }
        });
    }

    /** The split expression: the file's items, handed out within the file's window. */
    public Iterator<ColorItem> items(Exchange exchange) throws IOException {
        FileJob job = exchange.getProperty(FileJob.PROPERTY, FileJob.class);
        ColorItems items = ColorListReader.open(job.input());
        job.readingFrom(items::bytesRead);
        return new WindowedItems(items, job);
    }
}
