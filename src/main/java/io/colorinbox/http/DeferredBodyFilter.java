package io.colorinbox.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the intake route read the body of {@code POST /api/lists} itself. platform-http's Spring Boot binding
 * reads a request body whole, into memory, before the route runs; then a 1 GB upload would be in memory
 * before the route could answer 413 or 503. So the binding is shown an empty body, and the real stream is
 * left in a request attribute for {@link ListIntake}, which checks the bound and the size first and then
 * copies at most {@code colors.http.max-body-size} to a file. Form and multipart bodies (which the servlet
 * container would parse on its own) are refused here with 415.
 */
class DeferredBodyFilter extends OncePerRequestFilter {

    /** Request attribute: the body's {@link InputStream}, unread. */
    static final String BODY = DeferredBodyFilter.class.getName() + ".body";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod()) || !(path.equals("/api/lists") || path.equals("/api/lists/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/")) {
            JsonAnswers.write(response, 415, ListIntake.SUPPORTED_TYPES);
            return;
        }
        request.setAttribute(BODY, request.getInputStream());
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public ServletInputStream getInputStream() {
                return EMPTY;
            }

            @Override
            public BufferedReader getReader() {
                return new BufferedReader(new StringReader(""));
            }
        }, response);
    }

    static InputStream bodyOf(HttpServletRequest request) {
        Object body = request.getAttribute(BODY);
        if (body instanceof InputStream in) {
            return in;
        }
        throw new IllegalStateException("the body of this request was not left for the intake (DeferredBodyFilter)");
    }

    private static final ServletInputStream EMPTY = new ServletInputStream() {
        @Override
        public boolean isFinished() {
            return true;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new IllegalStateException("not supported");
        }

        @Override
        public int read() {
            return -1;
        }
    };
}
