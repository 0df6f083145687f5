package io.colorinbox.http;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With {@code colors.http.api-key} set, {@code X-Api-Key} must carry it for what reads or submits lists and
 * for the actuator: {@code /api/lists/**}, {@code /api/status}, {@code /actuator/**} (so also the health
 * details). Open: the liveness and readiness probes (status only, for the orchestrator), the status
 * page's static files (the page asks for the key), the demo color API. A refused request gets {@code 401} before its body is read.
 */
class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";

    private final ApiKey key;

    ApiKeyFilter(ApiKey key) {
        this.key = key;
    }

    static boolean isProtected(String path) {
        if (isProbe(path, "/actuator/health/liveness") || isProbe(path, "/actuator/health/readiness")) {
            return false;
        }
        return path.equals("/api/lists") || path.startsWith("/api/lists/") || path.equals("/api/status")
                || path.equals("/actuator") || path.startsWith("/actuator/");
    }

    private static boolean isProbe(String path, String probe) {
        return path.equals(probe) || path.startsWith(probe + "/");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isProtected(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (key.matches(request.getHeader(HEADER))) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\"");
        JsonAnswers.write(response, 401, "missing or wrong " + HEADER + " header (colors.http.api-key)");
    }
}
