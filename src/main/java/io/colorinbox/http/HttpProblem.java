package io.colorinbox.http;

/**
 * An answer other than success for a request to {@code /api/lists}: its status, and a JSON body
 * {@code {"error": ...}}, with {@code "where": ...} when the problem has a place in the list (the same reason and
 * place as the inbox's error report).
 */
public class HttpProblem extends RuntimeException {

    private final int status;
    private final String where;
    private final long retryAfterSeconds;

    HttpProblem(int status, String error, String where, long retryAfterSeconds) {
        super(error, null, false, false);
        this.status = status;
        this.where = where;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static HttpProblem of(int status, String error) {
        return new HttpProblem(status, error, null, 0);
    }

    public int status() {
        return status;
    }

    public String error() {
        return getMessage();
    }

    /** Where in the list the problem is, or {@code null}. */
    public String where() {
        return where;
    }

    /** For {@code Retry-After}; 0 = no such header. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
