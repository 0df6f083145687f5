package io.colorinbox.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo color API: {@code GET /api/colors/{name}} answers 200 with a {@link ColorInfo} for a CSS name
 * (any case) or a hex code ({@code %23ff0000}, {@code %23F00}), else 404 with an {@link UnknownColor}.
 * The name is one path segment, percent-decoded exactly once by Spring MVC ({@code 100%25} arrives as
 * {@code 100%}, {@code ..%2F..%2Fadmin} as {@code ../../admin}; see {@link DemoColorApiConfiguration}
 * for why Tomcat lets an encoded slash through).
 */
@RestController
@ConditionalOnProperty(name = "colors.demo.enabled", havingValue = "true", matchIfMissing = true)
public class DemoColorController {

    private final CssColors colors;
    private final ArtificialLatency latency;

    DemoColorController(CssColors colors, ArtificialLatency latency) {
        this.colors = colors;
        this.latency = latency;
    }

    /**
     * Returns a {@code ResponseEntity} when there is no latency, else a {@code CompletableFuture} of one:
     * Spring MVC picks the return value handler from the runtime type, hence {@code Object}.
     * The second path maps an empty name to the same 404 JSON instead of the container's error page.
     */
    @GetMapping({"/api/colors/{name}", "/api/colors/"})
    public Object color(@PathVariable(name = "name", required = false) String name) {
        String received = name == null ? "" : name;
        ResponseEntity<?> answer = colors.describe(received)
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(404).body(UnknownColor.of(received)));
        return latency.apply(answer);
    }
}
