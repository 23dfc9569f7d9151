package vn.kehoach.cli.internal;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;


/** Starts the application context for a command: with or without the web server, on the chosen database. */
final class Boot {

    /** The embedded default: an H2 file under ./data, in PostgreSQL mode, shared by a server and the CLI. */
    static final String DEFAULT_DB = "jdbc:h2:file:./data/kehoach" + Boot.H2_OPTIONS;
    static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";

    private Boot() {
    }

    static ConfigurableApplicationContext start(Class<?> application, String db, boolean web, Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(dataSource(db));
        if (!web) {
            props.put("logging.level.root", "WARN");
            props.put("logging.level.org.springframework", "WARN");
        }
        props.putAll(extra);
        // Given as Spring's command-line arguments: above application.properties, and known before logging starts.
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(application)
                .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(web)
                .run(args);
    }

    static Map<String, Object> dataSource(String db) {
        String url = db == null || db.isBlank() ? DEFAULT_DB : db.strip();
        Map<String, Object> props = new HashMap<>();
        props.put("spring.datasource.url", url);
        if (url.startsWith("jdbc:h2:")) {
            props.put("spring.datasource.username", "sa");
            props.put("spring.datasource.password", "");
        }
        return props;
    }
}
