package vn.kehoach.cli.internal;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.jar.JarFile;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.kehoach.analytics.NationalBench;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.security.ApiTokens;
import vn.kehoach.security.Role;
import vn.kehoach.security.Users;

/**
 * {@code kehoach bench analytics}: a synthetic nation in PostgreSQL, the analytics engine and a DHIS2-style
 * baseline measured on it; one {@code name=value} line per figure on standard output, progress on standard error.
 */
@Command(name = "analytics", mixinStandardHelpOptions = true,
        description = {"Sinh một quốc gia giả lập (34 tỉnh, khoảng 700 huyện, --communes xã) với --elements chỉ tiêu",
                "trong --months tháng vào PostgreSQL (COPY), rồi đo máy phân tích, bảng phân tích kiểu DHIS2 (GROUP BY)",
                "và cùng bảng đó trong DuckDB; kiểm tra ba máy khớp từng ô (không khớp: mã thoát 1).",
                "In: load_s, load_values_per_s, copy_values_per_s (riêng COPY), engine_build_s, pivot_ms, rollup_ms,",
                "point_ms, fresh_ms, baseline_pivot_ms, speedup, duckdb_pivot_ms, vs_duckdb, engines_agree,",
                "cross_process_fresh_ms, api_province_ms (tỉnh khoảng 100 xã), api_province_large_ms (tỉnh P01,",
                "khoảng 3 lần), api_national_ms, heap_mb.",
                "Không có --db: tạo cơ sở dữ liệu tạm trên PostgreSQL của máy (KEHOACH_BENCH_PG) và xóa khi xong.",
                "Chạy với bộ nhớ đặt rõ, ví dụ: KEHOACH_JAVA_OPTS=-Xmx3000m ./kehoach bench analytics"})
class BenchAnalyticsCommand implements Callable<Integer> {

    private static final String ADMIN_URL = System.getenv().getOrDefault("KEHOACH_BENCH_PG",
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

    @ParentCommand
    BenchCommand bench;

    @Option(names = "--communes", defaultValue = "10000", description = "Số xã (mặc định ${DEFAULT-VALUE}).")
    int communes;

    @Option(names = "--elements", defaultValue = "200", description = "Số chỉ tiêu (mặc định ${DEFAULT-VALUE}).")
    int elements;

    @Option(names = "--months", defaultValue = "24", description = "Số tháng từ 01/2023 (mặc định ${DEFAULT-VALUE}).")
    int months;

    @Option(names = "--keep", description = "Giữ cơ sở dữ liệu tạm sau khi đo.")
    boolean keep;

    @Override
    public Integer call() throws Exception {
        String db = bench.parent.db;
        String created = null;
        if (db == null || db.isBlank()) {
            created = "kehoach_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            admin("create database " + created);
            db = ADMIN_URL.replace("/postgres?", "/" + created + "?");
            System.err.println("Cơ sở dữ liệu tạm: " + created);
        } else if (!db.startsWith("jdbc:postgresql:")) {
            throw new KeHoachCommand.UserError("bench analytics cần PostgreSQL (một cơ sở dữ liệu rỗng), không phải " + db);
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        Path dir = Files.createTempDirectory("kehoach-bench-");
        Map<String, String> figures;
        try (ConfigurableApplicationContext ctx = Boot.start(bench.parent, db, true,
                Map.of("kehoach.analytics.warm-up", "false", "spring.datasource.hikari.maximum-pool-size", "6",
                        "server.port", 0, "server.address", "127.0.0.1", "logging.level.root", "WARN",
                        "logging.level.org.springframework", "WARN"))) {
            String base = "http://127.0.0.1:" + Servers.port(ctx);
            String target = db;
            NationalBench.Outside outside = new NationalBench.Outside(base, () -> "Bearer " + benchToken(ctx),
                    csv -> importFromAnotherJvm(target, dir, csv));
            NationalBench national = ctx.getBean(NationalBench.class);
            try {
                figures = national.run(communes, elements, months, outside, out::println, err::println);
            } finally {
                if (created == null || keep) {
                    // The bench loads data_value unlogged; a database that outlives it must not lose that table
                    // in a crash nor miss it on a replica.
                    try {
                        national.makeDurable(err::println);
                    } catch (RuntimeException e) {
                        err.println("Không đặt lại được data_value thành bảng ghi nhật ký (ALTER TABLE data_value SET"
                                + " LOGGED): " + e.getMessage());
                    }
                }
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            if (created != null && !keep) {
                admin("drop database if exists " + created + " with (force)");
            }
        }
        return "true".equals(figures.get("engines_agree")) ? 0 : 1;
    }

    /** A bench user (administrator of the whole country, a random password) and a token of one hour for the API. */
    private static String benchToken(ConfigurableApplicationContext ctx) {
        Users users = ctx.getBean(Users.class);
        String root = ctx.getBean(OrgUnits.class).roots().get(0).code();
        String name = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(name, UUID.randomUUID().toString(), "Thử tải", EnumSet.of(Role.ADMIN), root, "bench");
        return ctx.getBean(ApiTokens.class).issue(name, "bench analytics", Instant.now().plus(Duration.ofHours(1)),
                "bench");
    }

    /**
     * {@code kehoach --db DB import FILE} in a second JVM on this one's class path (the jar when run from it): the
     * writer that cross_process_fresh_ms waits for. Its output goes to a file beside the CSV, read on failure.
     */
    private Process importFromAnotherJvm(String db, Path dir, String csv) {
        try {
            Path file = Files.createTempFile(dir, "value-", ".csv");
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            String java = ProcessHandle.current().info().command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            String classPath = System.getProperty("java.class.path");
            List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1"));
            if (!classPath.contains(File.pathSeparator) && classPath.endsWith(".jar") && bootJar(classPath)) {
                command.addAll(List.of("-jar", classPath));
            } else {
                command.addAll(List.of("-cp", classPath, bench.parent.application.getName()));
            }
            command.addAll(List.of("--db", db, "import", file.toString(), "--user", "bench"));
            return new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("không chạy được tiến trình thứ hai: " + e.getMessage(), e);
        }
    }

    private static boolean bootJar(String jar) throws IOException {
        try (JarFile j = new JarFile(jar)) {
            return j.getEntry("BOOT-INF/") != null || j.getEntry("BOOT-INF/classes/") != null;
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
