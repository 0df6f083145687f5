package io.colorinbox.demo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo color API: {@code GET /api/colors/{name}} answers 200 with a {@link ColorInfo} for a CSS name
 * (any case) or a hex code ({@code %23ff0000}, {@code %23F00}), else 404 with an {@link UnknownColor}.
 * The name is one path segment, percent-decoded exactly once by Spring MVC ({@code 100%25} arrives as
 * {@code 100%}, {@code ..%2F..%2Fadmin} as {@code ../../admin}; see {@link DemoColorApiConfiguration}
 * for why Tomcat lets an encoded slash through). The same lookup answers two other request shapes, so that
 * every {@code colors.api.*} shape can be tried against it: {@code GET /api/colors?name=red} and
 * {@code POST /api/colors} with {@code {"name": "red"}}.
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

    /** The item as a query value: {@code colors.api.url=http://127.0.0.1:8080/api/colors?name={color}}. */
    @GetMapping(value = "/api/colors", params = "name")
    public Object colorByQuery(@RequestParam("name") String name) {
        return color(name);
    }

    /** The item in a JSON body: {@code colors.api.method=POST}, {@code colors.api.body={"name":"{color}"}}. */
    @PostMapping(value = "/api/colors", consumes = "application/json")
    public Object colorByBody(@RequestBody Lookup lookup) {
        return color(lookup.name());
    }

    /** The POST shape's body; its other fields are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Lookup(String name) {
    }
}
