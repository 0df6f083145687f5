import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * The benchmark's plain-Java peer: the straightforward JDK answer to "call an API once per item, all at
 * once". One HttpClient (HTTP/1.1); every request is sent with sendAsync, then all are joined.
 * Runs ROUNDS times in one JVM with the same client: round 1 is the cold one (class loading, JIT,
 * new connections), later rounds reuse the kept-alive connections, like a warm application.
 * MAX_IN_FLIGHT 0 = everything at once; otherwise a semaphore bounds the requests in flight (needed for
 * 20,000 items: one socket each would pass the machine's open-files limit).
 *
 * Run without building: java bench/JdkPeer.java URL_TEMPLATE NAMES_FILE ROUNDS [MAX_IN_FLIGHT]
 * (URL_TEMPLATE contains {color}; NAMES_FILE has one item per line.) Prints one line per round.
 */
public class JdkPeer {

    public static void main(String[] args) throws Exception {
        String template = args[0];
        List<String> names = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        int rounds = Integer.parseInt(args[2]);
        int maxInFlight = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int round = 1; round <= rounds; round++) {
            Semaphore bound = new Semaphore(maxInFlight > 0 ? maxInFlight : Integer.MAX_VALUE);
            long t0 = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>(names.size());
            for (String name : names) {
                URI uri = URI.create(template.replace("{color}", URLEncoder.encode(name, StandardCharsets.UTF_8)));
                bound.acquire();
                calls.add(client.sendAsync(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString())
                        .whenComplete((r, e) -> bound.release()));
            }
            int ok = 0;
            for (CompletableFuture<HttpResponse<String>> call : calls) {
                if (call.join().statusCode() == 200) {
                    ok++;
                }
            }
            long nanos = System.nanoTime() - t0;
            System.out.printf("round %d: %d items, %d ok, wall %.4f s, started %d ns%n", round, names.size(), ok, nanos / 1e9, t0);
        }
    }
}
