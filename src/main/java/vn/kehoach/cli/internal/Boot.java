package vn.kehoach.cli.internal;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.springframework.boot.Banner;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import vn.kehoach.replica.ReadReplica;


/** Starts the application context for a command: with or without the web server, on the chosen database. */
final class Boot {

    /** The embedded default: an H2 file under ./data, in PostgreSQL mode, shared by a server and the CLI. */
    static final String DEFAULT_DB = "jdbc:h2:file:./data/kehoach" + Boot.H2_OPTIONS;

    /**
     * H2 writes its MVStore log in the background every 500 ms by default (WRITE_DELAY), so a process killed
     * (kill -9, a crash, a power switch on the server's JVM) loses transactions it had already acknowledged.
     * WRITE_DELAY=0 makes every commit write its changes to the file before it returns.
     */
    static final String H2_DURABLE = ";WRITE_DELAY=0";
    static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE"
            + H2_DURABLE;

    private Boot() {
    }

    /** Starts the command's application on the command line's database (--db) and read replica (--db-replica). */
    static ConfigurableApplicationContext start(KeHoachCommand top, boolean web, Map<String, Object> extra) {
        return start(top, top.db, web, extra);
    }

    /** The same on {@code db} instead of --db: the demo's own H2 file, the benchmark's temporary database. */
    static ConfigurableApplicationContext start(KeHoachCommand top, String db, boolean web, Map<String, Object> extra) {
        Class<?> application = top.application;
        Map<String, Object> props = new HashMap<>(dataSource(db, top.dbReplica));
        if (!web) {
            props.put("logging.level.root", "WARN");
            props.put("logging.level.org.springframework", "WARN");
            // A command that needs the analytics index builds it when it asks; warming it in the background only costs
            // a short-lived command its time, and printed "Chưa dựng được chỉ mục phân tích…" when the command ended first.
            props.put("kehoach.analytics.warm-up", "false");
            props.put("kehoach.scheduler.enabled", "false");
            // A command uses a handful of the application's beans: each is made when the command first asks for it
            // (with what it needs), not all of them, with the controllers and page models, before the command runs.
            props.put("spring.main.lazy-initialization", "true");
            // Nothing in KeHoach validates method arguments (@Validated), yet the method-validation post-processor,
            // made before any bean, made Hibernate Validator's factory too: a third of a second for every command.
            props.put("spring.autoconfigure.exclude", "org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration");
            // Spring Boot warms Jackson, the validator and the HTTP message converters on a second thread, for a
            // server's first request; a command seldom needs them and on two cores that thread takes the command's time.
            if (System.getProperty(NO_BACKGROUND_WARM_UP) == null) {
                System.setProperty(NO_BACKGROUND_WARM_UP, "true");
            }
        }
        // Given as Spring's command-line arguments (below): above application.properties, and known before logging starts.
        SpringApplicationBuilder builder = new SpringApplicationBuilder(application)
                .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(web);
        Connection held = null;
        if (!web) {
            // A database that has every migration this build ships needs no Flyway (whose start, scan of the migrations
            // and validation took a command longer than anything else): one query tells. The connection stays open
            // until the context has started, so an H2 file is opened once, not once here and once for the pool.
            // A command that sets Flyway's properties itself (backup, restore) decides for itself.
            boolean ownFlyway = extra.keySet().stream().anyMatch(k -> k.startsWith("spring.flyway."));
            held = ownFlyway ? null : connect(props);
            if (held != null && SchemaCheck.current(held)) {
                props.put("spring.flyway.enabled", "false");
            } else {
                // Lazy or not, a command on a database whose schema is behind (or unknown) migrates it as it starts
                // (or stops on the migration's error), as the server does.
                builder.initializers(ctx -> ctx.getBeanFactory().registerSingleton("kehoach.migrateOnStart",
                        LazyInitializationExcludeFilter.forBeanTypes(FlywayMigrationInitializer.class)));
            }
        }
        if (web) {
            // The API description behind /swagger-ui.html is made on a thread of its own while the server starts,
            // not on the first visit to the page (11 s then). Tests, which start the application themselves, skip it.
            props.put("springdoc.pre-loading-enabled", "true");
        }
        props.putAll(extra);
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        try {
            return run(builder, args);
        } finally {
            close(held);
        }
    }

    /** A connection to the command's database, or null when one cannot be had this way (Flyway will say why). */
    private static Connection connect(Map<String, Object> props) {
        try {
            Object user = props.get("spring.datasource.username");
            Object password = props.get("spring.datasource.password");
            String url = (String) props.get("spring.datasource.url");
            return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, (String) user, (String) password);
        } catch (SQLException | RuntimeException e) {
            return null;
        }
    }

    private static void close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // The command has its answer; a connection that will not close is the pool's and the driver's business.
            }
        }
    }

    /**
     * Starts the context. With {@code -Dkehoach.startup-trace=true} (e.g. in {@code KEHOACH_JAVA_OPTS}) it also prints
     * to standard error the slowest of Spring's start-up steps (bean by bean) and the main thread's CPU time: the
     * profile docs/operations.md "Command start-up" was made from.
     */
    private static ConfigurableApplicationContext run(SpringApplicationBuilder builder, String[] args) {
        if (!Boolean.getBoolean(TRACE)) {
            return builder.run(args);
        }
        BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
        builder.applicationStartup(startup);
        long cpu = cpuMillis();
        long wall = System.nanoTime();
        ConfigurableApplicationContext ctx = builder.run(args);
        System.err.printf("startup-trace: context %d ms (main thread CPU %d ms; before it %d ms)%n",
                (System.nanoTime() - wall) / 1_000_000, cpuMillis() - cpu, cpu);
        startup.getBufferedTimeline().getEvents().stream()
                .sorted(Comparator.comparing((TimelineEvent e) -> e.getDuration()).reversed())
                .limit(40)
                .forEach(e -> System.err.printf("startup-trace: %6d ms %s %s%n", e.getDuration().toMillis(),
                        e.getStartupStep().getName(), StreamSupport.stream(e.getStartupStep().getTags().spliterator(), false)
                                .map(t -> t.getKey() + "=" + t.getValue()).toList()));
        return ctx;
    }

    private static final String TRACE = "kehoach.startup-trace";

    private static long cpuMillis() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
    }

    /** Spring Boot's switch (a system property) for its background pre-initialisation. */
    private static final String NO_BACKGROUND_WARM_UP = "spring.backgroundpreinitializer.ignore";

    static Map<String, Object> dataSource(String db) {
        return dataSource(db, null);
    }

    /**
     * The data source's properties; with a read replica, {@code kehoach.replica.url} too, once it is sure to be
     * usable at all (a PostgreSQL replica of a PostgreSQL database: else a {@link vn.kehoach.replica.ReplicaRefused},
     * exit code 2, before anything starts). Whether it is in recovery and a copy of this database is checked as the
     * application starts (vn.kehoach.replica).
     */
    static Map<String, Object> dataSource(String db, String replica) {
        String url = durable(compatible(db == null || db.isBlank() ? DEFAULT_DB : db.strip()));
        Map<String, Object> props = new HashMap<>();
        props.put("spring.datasource.url", url);
        if (url.startsWith("jdbc:h2:")) {
            props.put("spring.datasource.username", "sa");
            props.put("spring.datasource.password", "");
        }
        if (replica != null && !replica.isBlank()) {
            ReadReplica.checkUrls(url, replica);
            props.put("kehoach.replica.url", replica.strip());
        }
        return props;
    }

    /**
     * KeHoach's schema and queries are written for PostgreSQL; H2 runs them in its PostgreSQL mode with lower-case
     * names and nulls sorted last. A user's own H2 URL ("--db=jdbc:h2:file:/srv/kehoach") without them would fail
     * on the first "on conflict" of a load, so each one the URL does not set is added; one it sets is respected.
     */
    static String compatible(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return url;
        }
        String upper = url.toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(url);
        for (String option : List.of("MODE=PostgreSQL", "DATABASE_TO_LOWER=TRUE", "DEFAULT_NULL_ORDERING=HIGH")) {
            String key = option.substring(0, option.indexOf('=') + 1).toUpperCase(Locale.ROOT);
            if (!upper.contains(";" + key)) {
                out.append(';').append(option);
            }
        }
        return out.toString();
    }

    /**
     * An H2 database kept in files by this process (not {@code mem:}, nor a remote {@code tcp:}/{@code ssl:} server,
     * whose durability is the server's own setting) and given without a WRITE_DELAY of its own gets
     * {@link #H2_DURABLE}, so a user's own H2 URL is as safe as the default; an explicit WRITE_DELAY is respected.
     */
    static String durable(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return url;
        }
        String rest = url.substring("jdbc:h2:".length());
        boolean elsewhere = rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:") || rest.startsWith("zip:");
        if (elsewhere || url.toUpperCase(Locale.ROOT).contains(";WRITE_DELAY=")) {
            return url;
        }
        return url + H2_DURABLE;
    }
}
