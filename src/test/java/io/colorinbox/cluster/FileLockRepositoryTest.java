package io.colorinbox.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.colorinbox.support.Postgres;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The lock repository against a real PostgreSQL: the 4.18 traps, one by one. */
class FileLockRepositoryTest {

    static final Duration MAX_AGE = Duration.ofSeconds(2);
    static final Duration KEEP_ALIVE = MAX_AGE.dividedBy(4);

    Postgres.Database db;
    JdbcTemplate sql;
    CamelContext camel;
    final List<FileLockRepository> repositories = new ArrayList<>();

    @BeforeEach
    void setUp() {
        db = Postgres.newDatabase();
        sql = new JdbcTemplate(db.dataSource());
        ClusterSchema.apply(db.dataSource());
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterEach
    void tearDown() {
        repositories.forEach(FileLockRepository::shutdown);
        camel.stop();
    }

    /** A started instance: keep-alive running. */
    private FileLockRepository node(String name) {
        FileLockRepository repo = notStarted(name);
        repo.start();
        return repo;
    }

    /** An instance whose keep-alive never runs on its own: a crashed or paused one. */
    private FileLockRepository notStarted(String name) {
        FileLockRepository repo = new FileLockRepository(db.dataSource(), camel, name, MAX_AGE, KEEP_ALIVE);
        repositories.add(repo);
        return repo;
    }

    private String ownerOf(String key) {
        List<String> owners = sql.queryForList("SELECT owner FROM colors_file_lock WHERE message_id = ?", String.class, key);
        return owners.isEmpty() ? null : owners.get(0);
    }

    /** The lock row of the key as if its owner had not refreshed it for an hour. */
    private void ageRow(String key) {
        sql.update("UPDATE colors_file_lock SET created_at = now() - INTERVAL '1 hour' WHERE message_id = ?", key);
    }

    @Test
    void instancesStartingTogetherCreateTheTableOnce() throws Exception {
        Postgres.Database fresh = Postgres.newDatabase();
        int instances = 4;
        CyclicBarrier together = new CyclicBarrier(instances);
        List<Callable<ClusterSchema>> starts = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            starts.add(() -> {
                together.await(10, TimeUnit.SECONDS);
                return ClusterSchema.apply(fresh.dataSource());
            });
        }
        assertThat(inParallel(starts)).allSatisfy(schema ->
                assertThat(schema.serverVersion()).isGreaterThanOrEqualTo(ClusterSchema.MIN_VERSION));
        assertThat(new JdbcTemplate(fresh.dataSource()).queryForObject(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'colors_file_lock'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void oneInstanceHoldsAFileAndOnlyItReleasesIt() {
        FileLockRepository a = node("a");
        FileLockRepository b = node("b");
        String file = "/shared/inbox/list.txt";

        assertThat(a.add(file)).isTrue();
        assertThat(b.add(file)).as("held by a").isFalse();
        assertThat(b.remove(file)).as("b cannot remove a's lock").isFalse();
        assertThat(ownerOf(file)).isEqualTo("a");

        assertThat(a.remove(file)).isTrue();
        assertThat(ownerOf(file)).as("no row outlives its file").isNull();
        // a later file of the same name is taken (b remembers its refusal for a moment: no query per poll)
        await().atMost(Duration.ofSeconds(5)).until(() -> b.add(file));
        assertThat(ownerOf(file)).isEqualTo("b");
    }

    @Test
    void aKeyIsAnAbsolutePathOfAnyLength() {
        FileLockRepository a = node("a");
        String deep = "/shared/inbox/" + "d".repeat(4000) + "/list.txt";

        assertThat(a.add(deep)).isTrue();
        assertThat(a.contains(deep)).isTrue();
        assertThat(ownerOf(deep)).isEqualTo("a");
    }

    @Test
    void anOrphanIsTakenOverAfterTheLockAgeAndThenKeptAlive() {
        FileLockRepository crashed = notStarted("crashed");
        FileLockRepository b = node("b");
        FileLockRepository c = node("c");
        String file = "/shared/inbox/slow.txt";
        assertThat(crashed.add(file)).isTrue();
        assertThat(b.add(file)).as("not an orphan yet").isFalse();

        // nobody refreshes the crashed instance's lock: after the lock age b takes the file over
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> b.add(file));
        assertThat(ownerOf(file)).isEqualTo("b");
        assertThat(b.held()).contains(file);

        // Camel 4.18 does not keep taken-over keys alive; here the row stays fresh past two lock ages
        long start = System.nanoTime();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(c.add(file)).as("kept alive by b").isFalse();
            return System.nanoTime() - start > 2 * MAX_AGE.toNanos();
        });
        assertThat(ownerOf(file)).isEqualTo("b");
    }

    @Test
    void ofTwoInstancesTakingTheSameOrphanOnlyOneGetsIt() throws Exception {
        String file = "/shared/inbox/orphan.txt";
        assertThat(notStarted("crashed").add(file)).isTrue();
        ageRow(file);

        assertThat(race(file)).containsExactlyInAnyOrder(true, false);
        assertThat(ownerOf(file)).isIn("b", "c");
    }

    @Test
    void ofTwoInstancesLockingTheSameNewFileOnlyOneGetsIt() throws Exception {
        assertThat(race("/shared/inbox/new.txt")).containsExactlyInAnyOrder(true, false);
    }

    /**
     * Two instances in the worst interleaving: both have counted (no live row, same snapshot) before
     * either inserts or updates. Returns what each add() answered.
     */
    private List<Boolean> race(String file) throws Exception {
        CyclicBarrier bothCounted = new CyclicBarrier(2);
        List<Callable<Boolean>> racers = new ArrayList<>();
        for (String name : List.of("b", "c")) {
            FileLockRepository racer = new FileLockRepository(db.dataSource(), camel, name, MAX_AGE, KEEP_ALIVE) {
                @Override
                protected int insert(String key) {
                    try {
                        bothCounted.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return super.insert(key);
                }
            };
            repositories.add(racer);
            racers.add(() -> racer.add(file));
        }
        return inParallel(racers);
    }

    /** Runs each task on a thread of its own; their results in the same order. */
    private static <T> List<T> inParallel(List<Callable<T>> tasks) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<T>> running = threads.invokeAll(tasks, 60, TimeUnit.SECONDS);
            List<T> results = new ArrayList<>();
            for (Future<T> task : running) {
                results.add(task.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aPausedInstanceCannotRefreshALockThatWasTakenOverFromIt() {
        FileLockRepository paused = notStarted("paused");
        FileLockRepository b = notStarted("b");
        String file = "/shared/inbox/paused.txt";
        assertThat(paused.add(file)).isTrue();
        ageRow(file); // paused longer than the lock age
        assertThat(b.add(file)).isTrue();
        ageRow(file);

        paused.refreshHeld(); // it wakes up
        assertThat(paused.held()).as("it learns it lost the lock").doesNotContain(file);
        assertThat(sql.queryForObject("SELECT created_at < now() - INTERVAL '1 minute' FROM colors_file_lock "
                + "WHERE message_id = ?", Boolean.class, file)).as("b's row not refreshed by the paused instance").isTrue();
        assertThat(paused.remove(file)).isFalse();
        assertThat(ownerOf(file)).isEqualTo("b");

        b.refreshHeld();
        assertThat(sql.queryForObject("SELECT created_at > now() - INTERVAL '1 minute' FROM colors_file_lock "
                + "WHERE message_id = ?", Boolean.class, file)).as("refreshed by its owner").isTrue();
    }

    @Test
    void aRestartedNodeReleasesTheLocksOfItsEarlierRunAtOnce() {
        String file = "/shared/inbox/left.txt";
        assertThat(notStarted("n1").add(file)).isTrue(); // then n1 is killed

        node("n1"); // the same node id starts again

        assertThat(ownerOf(file)).isNull();
    }

    @Test
    void stoppingReleasesWhatIsStillHeld() {
        FileLockRepository a = node("a");
        String file = "/shared/inbox/stop.txt";
        assertThat(a.add(file)).isTrue();

        a.stop();

        assertThat(ownerOf(file)).isNull();
    }
}
