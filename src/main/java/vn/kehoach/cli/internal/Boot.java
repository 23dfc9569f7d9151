package vn.kehoach.cli.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.ConfigurableApplicationContext;


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

    static ConfigurableApplicationContext start(Class<?> application, String db, boolean web, Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(dataSource(db));
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
            // Spring Boot warms Jackson, the validator and the HTTP message converters on a second thread, for a
            // server's first request; a command seldom needs them and on two cores that thread takes the command's time.
            if (System.getProperty(NO_BACKGROUND_WARM_UP) == null) {
                System.setProperty(NO_BACKGROUND_WARM_UP, "true");
            }
        }
        props.putAll(extra);
        // Given as Spring's command-line arguments: above application.properties, and known before logging starts.
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        SpringApplicationBuilder builder = new SpringApplicationBuilder(application)
                .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(web);
        if (!web) {
            // Lazy or not, every command migrates the database as it starts (a database whose schema is behind is
            // brought up to date, or the command stops on the migration's error), as the server does.
            builder.initializers(ctx -> ctx.getBeanFactory().registerSingleton("kehoach.migrateOnStart",
                    LazyInitializationExcludeFilter.forBeanTypes(FlywayMigrationInitializer.class)));
        }
        return builder.run(args);
    }

    /** Spring Boot's switch (a system property) for its background pre-initialisation. */
    private static final String NO_BACKGROUND_WARM_UP = "spring.backgroundpreinitializer.ignore";

    static Map<String, Object> dataSource(String db) {
        String url = durable(compatible(db == null || db.isBlank() ? DEFAULT_DB : db.strip()));
        Map<String, Object> props = new HashMap<>();
        props.put("spring.datasource.url", url);
        if (url.startsWith("jdbc:h2:")) {
            props.put("spring.datasource.username", "sa");
            props.put("spring.datasource.password", "");
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
