package io.colorinbox.cluster;

import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.colorinbox.config.ColorsProperties;
import io.colorinbox.config.InboxProperties;
import io.colorinbox.pipeline.FileRetries;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.util.StringUtils;

/**
 * Cluster mode ({@code colors.cluster.enabled=true}): the PostgreSQL datasource (standard
 * {@code spring.datasource.*} keys; Spring Boot's own DataSourceAutoConfiguration is excluded so that
 * one instance without a database needs no settings), the lock table, the lock repository and the
 * inbox's read lock. Nothing here exists when cluster mode is off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "colors.cluster.enabled", havingValue = "true")
public class ClusterConfiguration {

    @Bean
    @ConfigurationProperties("spring.datasource")
    DataSourceProperties clusterDataSourceProperties() {
        return new DataSourceProperties();
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource clusterDataSource(DataSourceProperties properties, ClusterProperties cluster) {
        if (!StringUtils.hasText(properties.getUrl())) {
            throw new IllegalStateException("colors.cluster.enabled=true needs the PostgreSQL database that "
                    + "coordinates the instances: set spring.datasource.url (jdbc:postgresql://host:5432/db), "
                    + "spring.datasource.username and spring.datasource.password");
        }
        HikariDataSource dataSource = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        dataSource.setPoolName("colors-cluster");
        // a database that does not answer holds a poll or a keep-alive at most this long (Hikari's default: 30 s)
        Duration wait = cluster.keepAliveInterval().compareTo(Duration.ofSeconds(5)) < 0
                ? cluster.keepAliveInterval() : Duration.ofSeconds(5);
        dataSource.setConnectionTimeout(Math.max(250, wait.toMillis()));
        return dataSource;
    }

    @Bean
    ClusterSchema clusterSchema(DataSource dataSource, DataSourceProperties properties) {
        try {
            return ClusterSchema.apply(dataSource);
        } catch (DataAccessException e) {
            String url = properties.getUrl();
            int query = url.indexOf('?');
            throw new IllegalStateException("colors.cluster.enabled=true: cannot use the database at "
                    + (query < 0 ? url : url.substring(0, query)) + " (spring.datasource.url): "
                    + e.getMostSpecificCause().getMessage(), e);
        }
    }

    @Bean(initMethod = "start", destroyMethod = "shutdown")
    FileLockRepository fileLocks(DataSource dataSource, CamelContext camel, ClusterProperties cluster,
                                 ClusterSchema schema) {
        return new FileLockRepository(dataSource, camel, cluster.nodeId(), cluster.lockMaxAge(),
                cluster.keepAliveInterval());
    }

    /**
     * What {@code readLock=idempotent-changed} builds, set up here: a file is taken when this instance
     * has room for it and inserts its lock row (or takes over an orphan), then once its modification time
     * is {@code colors.inbox.stable-for} old; the row goes when the file has been moved (commit) or given
     * back (rollback). The consumer itself never sees the repository, so it cannot remove another
     * instance's lock for a file it skipped (what {@code idempotentEager=true} does with a shared
     * {@code idempotentRepository}).
     */
    @Bean
    ClusterReadLock clusterReadLock(FileLockRepository locks, InboxProperties inbox, ColorsProperties colors,
                                    FileRetries retries) {
        long stableFor = inbox.stableFor().toMillis();
        ClusterReadLock lock = new ClusterReadLock(locks, colors.files().parallel(), retries);
        lock.setRemoveOnCommit(true);
        lock.setRemoveOnRollback(true);
        // an empty list is a list (Camel's default minimum length is 1 byte: it would never be taken)
        lock.setMinLength(0);
        // taken at once when last modified longer ago than stable-for; else looked at again every checkInterval
        lock.setMinAge(Math.max(1, stableFor));
        lock.setCheckInterval(Math.max(10, Math.min(250, stableFor / 4)));
        // a file still being written holds the poll at most this long, then waits for the next poll
        lock.setTimeout(stableFor + 1000);
        return lock;
    }

    @Bean
    CamelContextConfiguration clusterRouteSettings() {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                // the inbox routes take files through this read lock instead of stableFileReadLock
                camel.getPropertiesComponent().addInitialProperty("route.read-lock", "clusterReadLock");
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
                // nothing to do once started
            }
        };
    }
}
