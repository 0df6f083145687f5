package io.colorinbox.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A keep-alive HTTP/1.1 API on loopback that closes a connection idle for {@code idle} without saying so (no
 * {@code Connection: close}, no {@code Keep-Alive} header), as many servers and load balancers do with their own
 * time-outs. Every request {@code GET /api/colors/<item>} gets 200 {@code {"color":"<raw item>"}}.
 */
public final class IdleClosingApi implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger closedIdle = new AtomicInteger();
    private final int idleMillis;

    public IdleClosingApi(Duration idle) {
        this.idleMillis = (int) idle.toMillis();
        try {
            server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads.execute(this::accept);
    }

    public String urlTemplate() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/api/colors/{color}";
    }

    public int requests() {
        return requests.get();
    }

    /** Connections this server closed because they sat idle (the ones a client might reuse). */
    public int closedIdle() {
        return closedIdle.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                threads.execute(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(idleMillis);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                String head;
                try {
                    head = readHead(in);
                } catch (SocketTimeoutException idle) {
                    closedIdle.incrementAndGet();
                    return; // silently, as the servers this stands for do
                }
                if (head == null) {
                    return;
                }
                requests.incrementAndGet();
                String path = head.split(" ", 3)[1];
                String item = path.substring(path.lastIndexOf('/') + 1).replace("\"", "");
                byte[] body = ("{\"color\":\"" + item + "\"}").getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** The request line and headers (a GET has no body), or null at the end of the stream. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b; (b = in.read()) >= 0; ) {
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
            if (matched == 4) {
                return head.toString(StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
