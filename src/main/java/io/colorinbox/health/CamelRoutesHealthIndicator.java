package io.colorinbox.health;

import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Ready when the Camel context and every route in it are started (routes switched off by settings do not exist). */
class CamelRoutesHealthIndicator extends AbstractHealthIndicator {

    private final CamelContext camel;

    CamelRoutesHealthIndicator(CamelContext camel) {
        super("the Camel routes cannot be checked");
        this.camel = camel;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean up = camel.getStatus() == ServiceStatus.Started;
        Map<String, String> routes = new TreeMap<>();
        for (Route route : camel.getRoutes()) {
            ServiceStatus status = camel.getRouteController().getRouteStatus(route.getRouteId());
            up &= status == ServiceStatus.Started;
            routes.put(route.getRouteId(), status == null ? "unknown" : status.name());
        }
        (up ? builder.up() : builder.down()).withDetail("context", camel.getStatus().name()).withDetail("routes", routes);
    }
}
