package io.colorinbox.repeats;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;

/** A row parked while the call for its request is in flight: no thread, no place in the bound, no permit. */
record Waiter(Exchange exchange, AsyncCallback callback, long sinceNanos) {
}
