package io.colorinbox.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@code colors.api.url} split into what is fixed (one Camel http endpoint, so one connection pool) and
 * what changes per item. {@code {color}} may stand as one whole path segment
 * ({@code https://api.example/{color}/}), as one whole query value ({@code http://h/lookup?name={color}&format=json}),
 * or nowhere when the body carries the item ({@code POST http://h/colors}). Either way the item is
 * percent-encoded (RFC 3986 unreserved characters only), so it never adds a path segment or a query parameter,
 * and decodes back to exactly its text ({@code +} stays {@code +}).
 */
public final class ApiUrlTemplate {

    public static final String PLACEHOLDER = "{color}";
    private static final String KEY = "colors.api.url";
    private static final String MARKER = "COLORPLACEHOLDER";

    /** Where the item goes in the URL. */
    public enum Place { PATH, QUERY, NONE }

    private final String base;
    private final Place place;
    private final String before;
    private final String after;
    private final String rawQuery;

    private ApiUrlTemplate(String base, Place place, String before, String after, String rawQuery) {
        this.base = base;
        this.place = place;
        this.before = before;
        this.after = after;
        this.rawQuery = rawQuery;
    }

    /**
     * @param itemRequired whether {@code {color}} must be in the URL (it may be left out when the body has it)
     * @throws IllegalArgumentException with a message naming {@code colors.api.url}
     */
    public static ApiUrlTemplate parse(String template, boolean itemRequired) {
        int at = template.indexOf(PLACEHOLDER);
        if (at >= 0 && template.indexOf(PLACEHOLDER, at + 1) >= 0) {
            throw new IllegalArgumentException(KEY + " must contain " + PLACEHOLDER + " at most once, was: " + template);
        }
        if (at < 0 && itemRequired) {
            throw new IllegalArgumentException(KEY + " must contain " + PLACEHOLDER + " (as a path segment or a query value)"
                    + " unless colors.api.body carries it, was: " + template);
        }
        URI uri;
        try {
            uri = new URI(template.replace(PLACEHOLDER, MARKER));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(KEY + " is not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(KEY + " must start with http:// or https://, was: " + template);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(KEY + " has no host: " + template);
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException(KEY + " must not have a #fragment (it is never sent), was: " + template);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String query = uri.getRawQuery();
        String authority = scheme + "://" + uri.getRawAuthority();
        if (at < 0) {
            return new ApiUrlTemplate(authority + path, Place.NONE, "", "", query);
        }
        int segment = path.indexOf("/" + MARKER);
        int end = segment + 1 + MARKER.length();
        if (segment >= 0 && (path.length() == end || path.charAt(end) == '/')) {
            return new ApiUrlTemplate(authority + path.substring(0, segment + 1), Place.PATH, "", path.substring(end), query);
        }
        if (query != null) {
            // the item must be one parameter's whole value: never in a name, never beside other text in a value
            String[] params = query.split("&", -1);
            for (int i = 0; i < params.length; i++) {
                int eq = params[i].indexOf('=');
                if (eq > 0 && params[i].substring(eq + 1).equals(MARKER) && !params[i].substring(0, eq).contains(MARKER)) {
                    String before = String.join("&", Arrays.copyOfRange(params, 0, i + 1));
                    before = before.substring(0, before.length() - MARKER.length());
                    String after = i + 1 < params.length
                            ? "&" + String.join("&", Arrays.copyOfRange(params, i + 1, params.length)) : "";
                    return new ApiUrlTemplate(authority + path, Place.QUERY, before, after, null);
                }
            }
        }
        throw new IllegalArgumentException(KEY + " must have " + PLACEHOLDER + " as one whole path segment"
                + " (https://api.example/" + PLACEHOLDER + ") or one whole query value (https://api.example/lookup?name="
                + PLACEHOLDER + "), not inside a segment, a value, a parameter name or the host; was: " + template);
    }

    /** Scheme, authority and the path before the item (ending with '/' when the item is a path segment). */
    public String base() {
        return base;
    }

    public Place place() {
        return place;
    }

    /** The path after {@link #base()} for one item, or {@code null} when the item is not in the path. */
    public String pathFor(String color) {
        return place == Place.PATH ? PathSegmentEncoder.encode(color) + after : null;
    }

    /** The raw query (without '?') for one item, or {@code null} when there is none. */
    public String queryFor(String color) {
        return place == Place.QUERY ? before + PathSegmentEncoder.encode(color) + after : rawQuery;
    }
}
