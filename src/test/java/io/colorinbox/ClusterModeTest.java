package io.colorinbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.colorinbox.support.ForkedApp;
import io.colorinbox.support.InboxFolders;
import io.colorinbox.support.Postgres;
import io.colorinbox.support.StubColorApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cluster mode for real: several application JVMs on one inbox and outbox, a real PostgreSQL
 * (embedded, started by the test), the stub API on loopback.
 */
class ClusterModeTest {

    static final StubColorApi API = TestSupport.startStub();

    @TempDir
    Path root;

    InboxFolders folders;
    Postgres.Database db;
    JdbcTemplate sql;
    final List<ForkedApp> nodes = new ArrayList<>();

    @BeforeEach
    void setUp() {
        API.reset();
        folders = new InboxFolders(root);
        db = Postgres.newDatabase();
        sql = new JdbcTemplate(db.dataSource());
    }

    @AfterEach
    void stopNodes() throws InterruptedException {
        for (ForkedApp node : nodes) {
            node.close();
        }
    }

    @AfterAll
    static void stopStub() {
        API.close();
    }

    /** Starts the instances together (they create the lock table at the same moment), in this order. */
    private List<ForkedApp> startNodes(List<String> ids, String... args) throws Exception {
        ExecutorService starters = Executors.newFixedThreadPool(ids.size());
        try {
            List<Future<ForkedApp>> starting = new ArrayList<>();
            for (String id : ids) {
                List<String> appArgs = Stream.concat(Stream.of(
                        "--colors.inbox=" + folders.inbox(), "--colors.outbox=" + folders.outbox(),
                        "--colors.api.url=" + API.urlTemplate(),
                        "--colors.cluster.enabled=true", "--colors.cluster.node-id=" + id,
                        "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + Postgres.Database.USER),
                        Stream.of(args)).toList();
                starting.add(starters.submit(() -> ForkedApp.start(root.resolve(id + ".log"),
                        List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), appArgs)));
            }
            List<ForkedApp> started = new ArrayList<>();
            for (Future<ForkedApp> node : starting) {
                started.add(node.get(3, TimeUnit.MINUTES));
                nodes.add(started.get(started.size() - 1));
            }
            return started;
        } finally {
            starters.shutdownNow();
        }
    }

    private List<Path> outputs() throws IOException {
        try (Stream<Path> files = Files.list(folders.outbox())) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Bytes of temp results in the shared outbox's work folder. */
    private long resultsOnDisk() throws IOException {
        Path work = folders.outbox().resolve(".tmp");
        if (!Files.isDirectory(work)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(work)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".results")).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private List<String> inboxFiles() throws IOException {
        try (Stream<Path> files = Files.list(folders.inbox())) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
    }

    private List<String> lockOwners() {
        return sql.queryForList("SELECT owner FROM colors_file_lock", String.class);
    }

    private static List<String> items(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + i).toList();
    }

    @Test
    void threeInstancesOnOneInboxProcessEachFileOnce() throws Exception {
        List<String> ids = List.of("node-1", "node-2", "node-3");
        // two files at a time per instance: a burst must spread over the instances
        startNodes(ids, "--colors.files.parallel=2", "--colors.concurrency=4");
        API.latency(100);

        List<String> all = new ArrayList<>();
        for (int f = 0; f < 30; f++) {
            List<String> list = items(String.format("f%02d-", f), 5);
            all.addAll(list);
            folders.drop(String.format("f%02d.txt", f), String.join("\n", list));
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> outputs().size() >= 30 && inboxFiles().isEmpty());
        assertThat(outputs()).hasSize(30);
        Map<String, Integer> spread = new TreeMap<>();
        for (int f = 0; f < 30; f++) {
            JsonNode out = InboxFolders.read(folders.outbox().resolve(String.format("f%02d.json", f)));
            assertThat(out.get("succeeded").asInt()).isEqualTo(5);
            assertThat(ColorInboxRouteTest.colors(out)).containsExactlyElementsOf(items(String.format("f%02d-", f), 5));
            String node = out.get("processedBy").asText();
            assertThat(node).isIn(ids);
            spread.merge(node, 1, Integer::sum);
        }
        assertThat(API.requests()).as("each item called exactly once").hasSize(all.size());
        assertThat(all).allSatisfy(item -> assertThat(API.callsFor(item)).as(item).isEqualTo(1));
        assertThat(spread).as("work spread over the instances").hasSizeGreaterThanOrEqualTo(2);
        System.out.println("CLUSTER 30 files over 3 instances: " + spread);
        try (Stream<Path> done = Files.list(folders.done())) {
            assertThat(done.count()).isEqualTo(30);
        }
        // the log lines name the instance
        String busy = spread.keySet().iterator().next();
        assertThat(Files.readString(root.resolve(busy + ".log")).lines().filter(l -> l.contains(".txt -> ")))
                .hasSize(spread.get(busy)).allSatisfy(line -> assertThat(line).contains("[" + busy + "]"));

        // no lock row outlives its file: the same name dropped again is processed again
        await().atMost(Duration.ofSeconds(10)).until(() -> lockOwners().isEmpty());
        API.reset();
        folders.drop("f07.txt", "again-1\nagain-2");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                InboxFolders.read(folders.outbox().resolve("f07.json")).get("total").asInt() == 2);
        assertThat(API.requests()).hasSize(2);
    }

    @Test
    void whenTheInstanceHoldingAFileIsKilledAnotherTakesItOver() throws Exception {
        List<String> ids = List.of("node-a", "node-b");
        Duration lockMaxAge = Duration.ofSeconds(4);
        List<ForkedApp> started = startNodes(ids, "--colors.cluster.lock-max-age=" + lockMaxAge.toSeconds() + "s",
                "--colors.concurrency=2");
        API.latency(150);
        List<String> list = items("k", 60);
        folders.drop("slow.txt", String.join("\n", list));

        // killed once it has made 8 calls and handed some results to the OS (they are what a take-over keeps)
        await().atMost(Duration.ofSeconds(30)).until(() -> lockOwners().size() == 1 && API.requests().size() >= 8
                && resultsOnDisk() > 0);
        String holder = lockOwners().get(0);
        String survivor = holder.equals("node-a") ? "node-b" : "node-a";
        started.get(ids.indexOf(holder)).kill();
        long killed = System.nanoTime();
        int callsBeforeKill = API.requests().size();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> lockOwners().equals(List.of(survivor)));
        double takeOverSeconds = (System.nanoTime() - killed) / 1e9;
        assertThat(takeOverSeconds).as("not before the lock age").isGreaterThanOrEqualTo(lockMaxAge.toSeconds() - 1.5);

        JsonNode out = folders.awaitOutput("slow.json", Duration.ofSeconds(60));
        double outputSeconds = (System.nanoTime() - killed) / 1e9;
        assertThat(out.get("total").asInt()).isEqualTo(60);
        assertThat(out.get("succeeded").asInt()).isEqualTo(60);
        assertThat(ColorInboxRouteTest.colors(out)).containsExactlyElementsOf(list);
        assertThat(out.get("processedBy").asText()).isEqualTo(survivor);
        assertThat(outputs()).as("one output, no duplicate").extracting(p -> p.getFileName().toString())
                .containsExactly("slow.json");
        folders.awaitFile(folders.done().resolve("slow.txt"));
        assertThat(inboxFiles()).isEmpty();
        assertThat(folders.error()).isEmptyDirectory();
        await().atMost(Duration.ofSeconds(10)).until(() -> lockOwners().isEmpty());

        // the survivor continued after the dead instance's written results: only the calls that were in
        // flight (or not yet handed to the OS) repeat
        int resumedFrom = out.path("resumedFrom").asInt(0);
        assertThat(resumedFrom).as("resumed from the dead instance's results").isPositive();
        assertThat(list.subList(0, resumedFrom)).allSatisfy(item -> assertThat(API.callsFor(item)).as(item).isOne());
        long calledTwice = list.stream().filter(item -> API.callsFor(item) > 1).count();
        assertThat(list).allSatisfy(item -> assertThat(API.callsFor(item)).as(item).isBetween(1, 2));
        assertThat(calledTwice).isLessThanOrEqualTo(callsBeforeKill - resumedFrom);
        System.out.printf("CLUSTER take-over: lock-max-age %d s, lock taken over %.1f s after kill -9, output %.1f s"
                + " after, resumed from %d; %d of 60 items called twice (%d calls before the kill)%n",
                lockMaxAge.toSeconds(), takeOverSeconds, outputSeconds, resumedFrom, calledTwice, callsBeforeKill);
    }
}
