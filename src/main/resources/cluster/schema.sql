-- color-inbox cluster mode (colors.cluster.enabled=true): one row per list file in progress, the
-- file consumer's shared read lock (io.colorinbox.cluster.FileLockRepository).
-- Applied at every start in one transaction. The advisory lock makes instances that start together
-- wait for each other: CREATE TABLE IF NOT EXISTS alone fails in one of two concurrent transactions.
SELECT pg_advisory_xact_lock(hashtext('colors_file_lock'));

CREATE TABLE IF NOT EXISTS colors_file_lock (
    -- the repository's processor name: other applications may share the table
    processor_name VARCHAR(255) NOT NULL,
    -- the file's absolute path, of any length (Linux allows 4096 bytes)
    message_id     TEXT         NOT NULL,
    -- a b-tree entry holds at most ~2.7 kB, so the key is unique by a digest of the path
    message_digest TEXT GENERATED ALWAYS AS (md5(message_id)) STORED,
    -- colors.cluster.node-id of the instance holding the lock: only it refreshes or removes the row
    owner          VARCHAR(255) NOT NULL,
    -- set and refreshed by the database's clock (now()), never a JVM's: the instances' clocks may differ
    created_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (processor_name, message_digest)
);
