package vn.kehoach.replica.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.zaxxer.hikari.HikariDataSource;

import vn.kehoach.replica.ReadReplica;

/**
 * With {@code kehoach.replica.url} set (the command line's {@code --db-replica}, or {@code KEHOACH_DB_REPLICA}): the
 * data source is {@link ReplicaRouting} over two pools instead of Spring Boot's one. The primary's pool is made as
 * Spring Boot makes it ({@code spring.datasource.*}, {@code spring.datasource.hikari.*}); the replica's has the same
 * size, read-only connections named {@code kehoach-replica} in {@code pg_stat_activity}, a short connection timeout
 * ({@code kehoach.replica.connect-timeout-ms}, 1 s, which bounds each check of the replica too) and no failure at
 * start when the replica is down. {@code kehoach.replica.max-wait-ms} (200) is how long a read-only transaction
 * waits for the replica to catch up before it reads the primary; {@code kehoach.replica.retry-ms} (5000) how often a
 * replica that is down or behind is tried again, in the background. Without the property nothing here is made.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kehoach.replica.url")
class ReplicaConfiguration {

    static final String APPLICATION_NAME = "kehoach-replica";

    @Bean
    ReplicaRouting dataSource(DataSourceProperties properties, Environment environment,
                              @Value("${kehoach.replica.url}") String url,
                              @Value("${kehoach.replica.max-wait-ms:200}") long maxWaitMillis,
                              @Value("${kehoach.replica.retry-ms:5000}") long retryMillis,
                              @Value("${kehoach.replica.connect-timeout-ms:1000}") long connectTimeoutMillis) {
        String replicaUrl = url.strip();
        ReadReplica.checkUrls(properties.determineUrl(), replicaUrl);
        HikariDataSource primary = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(primary));
        if (primary.getPoolName() == null) {
            primary.setPoolName("kehoach-primary");
        }
        HikariDataSource replica = new HikariDataSource();
        replica.setPoolName(APPLICATION_NAME);
        replica.setJdbcUrl(replicaUrl);
        // The primary's credentials, unless the replica's URL names its own (the driver prefers the URL's).
        replica.setUsername(primary.getUsername());
        replica.setPassword(primary.getPassword());
        replica.addDataSourceProperty("ApplicationName", APPLICATION_NAME);
        replica.setReadOnly(true);
        if (primary.getMaximumPoolSize() > 0) {
            replica.setMaximumPoolSize(primary.getMaximumPoolSize());
        }
        if (primary.getMinimumIdle() >= 0) {
            replica.setMinimumIdle(primary.getMinimumIdle());
        }
        replica.setIdleTimeout(primary.getIdleTimeout());
        replica.setMaxLifetime(primary.getMaxLifetime());
        int connectTimeout = (int) Math.max(250, Math.min(connectTimeoutMillis, primary.getConnectionTimeout()));
        replica.setConnectionTimeout(connectTimeout);
        // A replica that is down at start must not stop the application: the gate sends reads to the primary.
        replica.setInitializationFailTimeout(-1);
        ReplicaGate gate = new ReplicaGate(primary, replica, ReadReplica.withoutParameters(replicaUrl), maxWaitMillis,
                retryMillis, connectTimeout);
        ReplicaRouting routing = new ReplicaRouting(primary, replica, gate);
        try {
            gate.start();
        } catch (RuntimeException e) {
            routing.destroy();
            throw e;
        }
        return routing;
    }
}
