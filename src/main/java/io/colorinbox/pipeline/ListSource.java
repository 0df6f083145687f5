package io.colorinbox.pipeline;

import java.io.File;
import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;

/**
 * A list for {@code direct:process-list}, from either entry: a file the inbox consumer took (the body is
 * then its {@link GenericFile}), or a body posted to {@code /api/lists} and spooled to a file (the body is
 * then this record). The pipeline reads {@link #file()} and names the output after {@link #name()}.
 *
 * @param file      the list to read; its extension decides the format
 * @param name      the source name shown in the output, the logs and the status page
 * @param id        the job id already given to the list by its entry, or {@code null} (inbox files get theirs at start)
 * @param fromInbox whether the file is in the inbox: only then does a bad list go to the error folder with a
 *                  report (a client of the HTTP entry hears the reason in the answer)
 */
public record ListSource(Path file, String name, String id, boolean fromInbox) {

    /** The list of a {@code direct:process-list} exchange. */
    public static ListSource of(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body instanceof ListSource source) {
            return source;
        }
        GenericFile<?> file = exchange.getMessage().getBody(GenericFile.class);
        if (file == null) {
            String name = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
            return new ListSource(null, name, null, true);
        }
        return new ListSource(((File) file.getFile()).toPath(), file.getFileNameOnly(), null, true);
    }
}
