package io.colorinbox.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import jakarta.servlet.http.HttpServletResponse;

/** The {@code {"error": ...}} answers given by the filters, before a request reaches a route. */
final class JsonAnswers {

    private JsonAnswers() {
    }

    static void write(HttpServletResponse response, int status, String error) throws IOException {
        byte[] body = ("{\"error\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(error)) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
