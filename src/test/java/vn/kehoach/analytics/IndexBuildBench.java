package vn.kehoach.analytics;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.kehoach.KeHoachApplication;

/**
 * Not part of the suite (a main, not a test): builds the analytics index again and again on an existing database
 * (one kept by {@code kehoach bench analytics --keep}) and prints each build's seconds, so that the build alone can be
 * measured and profiled. Arguments: the JDBC URL and the number of builds (default 5). Run it on the test class path
 * after {@code mvn -o -q test-compile}, e.g. with the jar's libraries:
 * {@code java -Xmx3000m -cp target/test-classes:target/classes:<BOOT-INF/lib/*> vn.kehoach.analytics.IndexBuildBench
 * 'jdbc:postgresql://127.0.0.1:5432/DB?user=postgres' 5}.
 */
public final class IndexBuildBench {

    private IndexBuildBench() {
    }

    /** The CPU ticks (1/100 s) of every backend of this database, from /proc: Linux and a local server only. */
    private static Map<Long, Long> backendTicks(DataSource dataSource) {
        Map<Long, Long> ticks = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select pid from pg_stat_activity where datname = current_database()")) {
            while (rs.next()) {
                long pid = rs.getLong(1);
                try {
                    String[] f = Files.readString(Path.of("/proc/" + pid + "/stat")).replaceFirst(".*\\) ", "")
                            .split(" ");
                    ticks.put(pid, Long.parseLong(f[11]) + Long.parseLong(f[12]));
                } catch (IOException e) {
                    // The backend ended, or the server is elsewhere.
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ticks;
    }

    public static void main(String[] args) {
        String db = args[0];
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(KeHoachApplication.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run("--spring.datasource.url=" + db, "--kehoach.analytics.warm-up=false",
                        "--kehoach.scheduler.enabled=false", "--spring.datasource.hikari.maximum-pool-size=6",
                        "--logging.level.root=WARN")) {
            Analytics analytics = ctx.getBean(Analytics.class);
            DataSource dataSource = ctx.getBean(DataSource.class);
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            double[] t = new double[runs];
            double[] cpu = new double[runs];
            for (int i = 0; i < runs; i++) {
                Map<Long, Long> before = backendTicks(dataSource);
                long j0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                long values = analytics.rebuild();
                t[i] = (System.nanoTime() - t0) / 1e9;
                double java = (os.getProcessCpuTime() - j0) / 1e9;
                double pg = 0;
                for (Map.Entry<Long, Long> e : backendTicks(dataSource).entrySet()) {
                    pg += (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / 100.0;
                }
                cpu[i] = java + pg;
                System.out.printf("build %d: %.2f s, %d values; cpu java %.2f s, postgres %.2f s; load %.1f%n", i + 1,
                        t[i], values, java, pg, os.getSystemLoadAverage());
            }
            double first = t[0];
            Arrays.sort(t);
            Arrays.sort(cpu);
            System.out.printf("first_build_s=%.2f median_build_s=%.2f median_cpu_s=%.2f%n", first, t[runs / 2],
                    cpu[runs / 2]);
        }
    }
}
