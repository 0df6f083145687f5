package io.colorinbox.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * {@code colors.api.url} split into what is fixed (one Camel http endpoint, so one connection pool) and
 * what changes per item (the path, sent in the {@code CamelHttpPath} header).
 * {@code {color}} must be one whole path segment: {@code https://api.example/{color}/} or
 * {@code http://127.0.0.1:8080/api/colors/{color}?format=json}.
 */
public final class ApiUrlTemplate {

    public static final String PLACEHOLDER = "{color}";

    private final String base;
    private final String pathSuffix;
    private final String rawQuery;

    private ApiUrlTemplate(String base, String pathSuffix, String rawQuery) {
        this.base = base;
        this.pathSuffix = pathSuffix;
        this.rawQuery = rawQuery;
    }

    /** @throws IllegalArgumentException with a message naming {@code colors.api.url} */
    public static ApiUrlTemplate parse(String template) {
        String key = "colors.api.url";
        int at = template.indexOf(PLACEHOLDER);
        if (at < 0 || template.indexOf(PLACEHOLDER, at + 1) >= 0) {
            throw new IllegalArgumentException(key + " must contain " + PLACEHOLDER + " exactly once, was: " + template);
        }
        String marker = "COLORPLACEHOLDER";
        URI uri;
        try {
            uri = new URI(template.replace(PLACEHOLDER, marker));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(key + " is not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(key + " must start with http:// or https://, was: " + template);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(key + " has no host: " + template);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        int segment = path.indexOf("/" + marker);
        boolean wholeSegment = segment >= 0
                && (path.length() == segment + 1 + marker.length() || path.charAt(segment + 1 + marker.length()) == '/');
        if (!wholeSegment) {
            throw new IllegalArgumentException(key + " must have " + PLACEHOLDER
                    + " as one whole path segment (e.g. https://api.example/" + PLACEHOLDER + "/), was: " + template);
        }
        String base = scheme + "://" + uri.getRawAuthority() + path.substring(0, segment + 1);
        String suffix = path.substring(segment + 1 + marker.length());
        return new ApiUrlTemplate(base, suffix, uri.getRawQuery());
    }

    /** Scheme, authority and the path before the item, ending with '/'. */
    public String base() {
        return base;
    }

    /** The template's query (without '?'), or {@code null}. */
    public String rawQuery() {
        return rawQuery;
    }

    /** The path after {@link #base()} for one item: the item as a single encoded segment plus the fixed rest. */
    public String pathFor(String color) {
        return PathSegmentEncoder.encode(color) + pathSuffix;
    }
}
