package io.colorinbox.cluster;

import java.nio.charset.StandardCharsets;

import javax.sql.DataSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the lock table (cluster/schema.sql) if it is missing, in one transaction under an advisory
 * lock, so that instances starting together do not race. Needs PostgreSQL 13 or later.
 */
public final class ClusterSchema {

    static final int MIN_VERSION = 130000;
    private static final String SCRIPT = "cluster/schema.sql";

    private final int serverVersion;

    private ClusterSchema(int serverVersion) {
        this.serverVersion = serverVersion;
    }

    /** Applies the schema; fails with a message saying what to fix when the database is not usable. */
    public static ClusterSchema apply(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Integer version = jdbc.queryForObject("SELECT current_setting('server_version_num')::int", Integer.class);
        if (version == null || version < MIN_VERSION) {
            throw new IllegalStateException("colors.cluster.enabled=true needs PostgreSQL 13 or later; "
                    + "spring.datasource.url points at version " + version);
        }
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status ->
                jdbc.execute((ConnectionCallback<Void>) connection -> {
                    ScriptUtils.executeSqlScript(connection,
                            new EncodedResource(new ClassPathResource(SCRIPT), StandardCharsets.UTF_8));
                    return null;
                }));
        return new ClusterSchema(version);
    }

    /** {@code server_version_num}, e.g. 170006. */
    public int serverVersion() {
        return serverVersion;
    }
}
