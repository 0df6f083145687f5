package io.colorinbox.api;

import io.colorinbox.inbox.ColorItem;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Per item, after the route removed every header: checks the item and either turns it into a
 * rejected result (no call) or sets its request from the {@link ApiRequestTemplate}: the path, the query
 * and the body. The item only ever becomes one encoded path segment, one encoded query value or JSON strings.
 */
public class ApiCallPreparer implements Processor {

    private final ApiRequestTemplate template;

    public ApiCallPreparer(ApiRequestTemplate template) {
        this.template = template;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        ColorItem item = message.getBody(ColorItem.class);
        String problem = item.problem() != null ? item.problem() : ItemRules.problemWith(item.color());
        if (problem != null) {
            message.setBody(ColorResult.rejected(item.index(), item.color(), problem));
            exchange.setProperty(CallProperties.SEND, false);
            return;
        }
        // a split with an aggregation strategy ties the item's stream caches to the file's exchange, which
        // would keep something per item until the file ends; results are plain objects, so let the
        // item's own completion clean up
        exchange.removeProperty(ExchangePropertyKey.STREAM_CACHE_UNIT_OF_WORK);
        exchange.setProperty(CallProperties.ITEM, item);
        exchange.setProperty(CallProperties.SEND, true);
        ApiUrlTemplate url = template.url();
        String path = url.pathFor(item.color());
        if (path != null) {
            message.setHeader(Exchange.HTTP_PATH, path);
        }
        String query = url.queryFor(item.color());
        if (query != null) {
            message.setHeader(Exchange.HTTP_RAW_QUERY, query);
        }
        byte[] body = template.bodyFor(item.color());
        if (body != null) {
            message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        }
        message.setBody(body);
    }
}
