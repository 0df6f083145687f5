package io.colorinbox.api;

import java.util.Locale;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.http.common.HttpHeaderFilterStrategy;

/**
 * Which headers of an API's answer become headers of the item's message: only those the pipeline reads,
 * {@code Cache-Control} and {@code Age} (io.colorinbox.repeats). Mapping every header of every answer (Date, Server,
 * Content-Type, ...) costs work per item that nothing uses. Headers going out stay filtered as camel-http does.
 */
final class AnswerHeaders extends HttpHeaderFilterStrategy {

    private static final Set<String> READ = Set.of("cache-control", "age");

    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        return headerName == null || !READ.contains(headerName.toLowerCase(Locale.ROOT));
    }
}
