package io.colorinbox.cluster;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The file consumer's shared read lock in cluster mode: a row in {@code colors_file_lock}
 * (cluster/schema.sql) per list file in progress, keyed by the file's absolute path. Camel's
 * {@link JdbcOrphanLockAwareIdempotentRepository} (add in one transaction, keep-alive of held locks,
 * take-over of a lock whose instance died), with what 4.18.0 gets wrong for a shared inbox fixed:
 * <ul>
 * <li>The take-over counts, then updates. Here both run in one REPEATABLE READ transaction and the
 * UPDATE itself re-checks the age: of two instances taking the same orphan (or inserting the same new
 * row) at once, the second fails (serialization failure, duplicate key) and skips the file. Camel's
 * second count, without the age filter, under READ COMMITTED, could "take over" a lock another
 * instance had just inserted.</li>
 * <li>Camel keeps alive only the keys it inserted, not the ones it took over: a taken-over file that
 * runs longer than the lock age is taken a third time. Here every key held is refreshed.</li>
 * <li>Rows carry their owner ({@code colors.cluster.node-id}). Refresh and removal touch only this
 * instance's rows: an instance paused past the lock age cannot refresh (or remove) the lock of the
 * instance that took its file over, and learns that it lost it.</li>
 * <li>Ages are the database's ({@code now()}), so the instances' clocks do not matter.</li>
 * <li>Its own table, created by {@link ClusterSchema}, with a key of any length (Camel creates
 * {@code VARCHAR(100)}, too short for a path).</li>
 * </ul>
 * A database that cannot be reached makes {@link #add} answer "no" (the file waits in the inbox), logged
 * once when it goes and once when it is back.
 */
public class FileLockRepository extends JdbcOrphanLockAwareIdempotentRepository {

    static final String TABLE = "colors_file_lock";
    /** Rows of this application in the table (the idempotent repository's "processor name"). */
    static final String PROCESSOR = "color-inbox";

    private static final String KEY = " WHERE processor_name = ? AND message_digest = md5(?)";
    private static final String OLDER_THAN_MAX_AGE = "created_at < now() - ? * INTERVAL '1 millisecond'";
    private static final String LIVE = "SELECT COUNT(*) FROM " + TABLE + KEY + " AND NOT (" + OLDER_THAN_MAX_AGE + ")";
    private static final String HOLDER = "SELECT owner, EXTRACT(EPOCH FROM now() - created_at) AS seconds FROM " + TABLE + KEY;
    private static final String INSERT = "INSERT INTO " + TABLE
            + " (processor_name, message_id, owner, created_at) VALUES (?, ?, ?, now())";
    private static final String TAKE_OVER = "UPDATE " + TABLE + " SET owner = ?, created_at = now()" + KEY
            + " AND " + OLDER_THAN_MAX_AGE;
    private static final String RELEASE = "DELETE FROM " + TABLE + KEY + " AND owner = ?";
    private static final String RELEASE_ALL = "DELETE FROM " + TABLE + " WHERE processor_name = ? AND owner = ?";
    private static final String REFRESH = "UPDATE " + TABLE + " SET created_at = now()"
            + " WHERE processor_name = ? AND owner = ? AND message_id = ANY (?) RETURNING message_id";

    private static final Logger LOG = LoggerFactory.getLogger(FileLockRepository.class);

    private final CamelContext camel;
    private final String owner;
    private final long maxAgeMillis;
    private final long keepAliveMillis;
    /** How long a refusal is remembered: the inbox is listed every few ms and each file in progress elsewhere would cost a transaction. */
    private final long refusalNanos;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> refusedUntil = new ConcurrentHashMap<>();
    private ScheduledExecutorService keepAlive;
    private volatile boolean reachable = true;

    public FileLockRepository(DataSource dataSource, CamelContext camel, String owner, Duration maxAge,
                              Duration keepAliveInterval) {
        super(new JdbcTemplate(dataSource), repeatableRead(dataSource), camel);
        this.camel = camel;
        this.owner = owner;
        this.maxAgeMillis = maxAge.toMillis();
        this.keepAliveMillis = keepAliveInterval.toMillis();
        this.refusalNanos = TimeUnit.MILLISECONDS.toNanos(Math.min(1000, keepAliveMillis));
        setProcessorName(PROCESSOR);
        setCreateTableIfNotExists(false);
        setTableExistsString("SELECT 1 FROM " + TABLE + " WHERE 1 = 0");
        setLockMaxAgeMillis(maxAgeMillis);
        // Camel's own keep-alive task (it cannot be switched off) refreshes only the keys Camel's insert()
        // registered; insert() is replaced below, so that set stays empty and the task runs rarely
        setLockKeepAliveIntervalMillis(maxAgeMillis - 1);
    }

    private static TransactionTemplate repeatableRead(DataSource dataSource) {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        tx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        return tx;
    }

    /** Tries to lock a file for this instance: a new row, or the take-over of an orphan. */
    @Override
    public boolean add(String key) {
        Long until = refusedUntil.get(key);
        if (until != null) {
            if (System.nanoTime() - until < 0) {
                return false;
            }
            refusedUntil.remove(key);
        }
        boolean taken;
        try {
            taken = super.add(key);
            reachable();
        } catch (ConcurrencyFailureException | DuplicateKeyException e) {
            // another instance inserted or took over the same row in the same moment: the file is theirs
            LOG.debug("{} was locked by another instance at the same moment: {}", key, e.getMessage());
            taken = false;
        } catch (DataAccessException e) {
            unreachable(e);
            return false;
        }
        if (taken) {
            held.add(key);
        } else {
            refused(key);
        }
        return taken;
    }

    private void refused(String key) {
        if (refusedUntil.size() > 10_000) {
            long now = System.nanoTime();
            refusedUntil.values().removeIf(until -> now - until > 0);
        }
        refusedUntil.put(key, System.nanoTime() + refusalNanos);
    }

    /** Live rows of the key: refreshed within the lock age, by whichever instance. */
    @Override
    protected int queryForInt(String key) {
        return jdbcTemplate.queryForObject(LIVE, Integer.class, processorName, key, maxAgeMillis);
    }

    /**
     * Called by {@link #add} in its transaction when no live row exists: inserts one, or takes over the
     * orphan. The same snapshot as the count (REPEATABLE READ), and the age checked again by the UPDATE.
     */
    @Override
    protected int insert(String key) {
        List<Map<String, Object>> holder = jdbcTemplate.queryForList(HOLDER, processorName, key);
        if (holder.isEmpty()) {
            return jdbcTemplate.update(INSERT, processorName, key, owner);
        }
        int taken = jdbcTemplate.update(TAKE_OVER, owner, processorName, key, maxAgeMillis);
        if (taken > 0) {
            Map<String, Object> orphan = holder.get(0);
            LOG.info("Taking over {} from {}: its lock was not refreshed for {} s", key, orphan.get("owner"),
                    Math.round(((Number) orphan.get("seconds")).doubleValue()));
        }
        return taken;
    }

    /** Releases a lock of this instance (never another's), whatever happens to the database. */
    @Override
    public boolean remove(String key) {
        held.remove(key);
        try {
            return super.remove(key);
        } catch (DataAccessException e) {
            // no longer refreshed, so the row becomes an orphan after the lock age and is taken over
            LOG.warn("Cannot release the lock of {} (it expires after {} s): {}", key, maxAgeMillis / 1000,
                    e.getMessage());
            return false;
        }
    }

    @Override
    protected int delete(String key) {
        return jdbcTemplate.update(RELEASE, processorName, key, owner);
    }

    /** Releases every lock of this instance. */
    @Override
    protected int delete() {
        held.clear();
        return jdbcTemplate.update(RELEASE_ALL, processorName, owner);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart(); // checks that the table exists
        int left = delete();
        if (left > 0) {
            LOG.info("Released {} file locks left by an earlier run of {}", left, owner);
        }
        keepAlive = camel.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "ColorsFileLockKeepAlive");
        keepAlive.scheduleWithFixedDelay(this::refreshHeld, keepAliveMillis, keepAliveMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() throws Exception {
        if (keepAlive != null) {
            camel.getExecutorServiceManager().shutdownNow(keepAlive);
            keepAlive = null;
        }
        // the routes have stopped: what is still held is not worked on any more, other instances may take it now
        try {
            clear();
        } catch (DataAccessException e) {
            LOG.warn("Cannot release the file locks of {} (they expire after {} s): {}", owner, maxAgeMillis / 1000,
                    e.getMessage());
        }
        super.doStop();
    }

    /**
     * The keep-alive: one statement refreshes every lock this instance holds. A lock that is not
     * refreshed was taken over: this instance was paused (or cut off) longer than the lock age.
     */
    void refreshHeld() {
        if (held.isEmpty()) {
            return;
        }
        String[] keys = held.toArray(String[]::new);
        try {
            Set<String> refreshed = new HashSet<>(jdbcTemplate.queryForList(REFRESH, String.class, processorName,
                    owner, new SqlArrayValue("text", (Object[]) keys)));
            reachable();
            for (String key : keys) {
                // a key removed meanwhile was released, not lost
                if (!refreshed.contains(key) && held.remove(key)) {
                    LOG.warn("Lost the lock of {} to another instance: this one was not heard of for longer than "
                            + "colors.cluster.lock-max-age; the file may be processed twice", key);
                }
            }
        } catch (DataAccessException e) {
            unreachable(e);
        } catch (RuntimeException e) {
            LOG.warn("Cannot refresh the file locks: {}", e.toString());
        }
    }

    private void reachable() {
        if (!reachable) {
            reachable = true;
            LOG.info("The cluster database answers again");
        }
    }

    private void unreachable(DataAccessException e) {
        if (reachable) {
            reachable = false;
            LOG.warn("The cluster database does not answer; no file is taken until it does: {}", e.getMessage());
        } else {
            LOG.debug("The cluster database still does not answer", e);
        }
    }

    /** How many files this instance holds now. */
    int heldCount() {
        return held.size();
    }

    /** The keys this instance holds now. */
    Set<String> held() {
        return Set.copyOf(held);
    }

    @Override
    public String toString() {
        return "file locks in PostgreSQL table " + TABLE + " (node " + owner + ", lock-max-age " + maxAgeMillis
                + " ms)";
    }
}
