package vn.kehoach.cli.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.kehoach.analytics.NationalBench;

/**
 * {@code kehoach bench analytics}: a synthetic nation in PostgreSQL, the analytics engine and a DHIS2-style
 * baseline measured on it; one {@code name=value} line per figure on standard output, progress on standard error.
 */
@Command(name = "analytics", mixinStandardHelpOptions = true,
        description = {"Sinh một quốc gia giả lập (34 tỉnh, khoảng 700 huyện, --communes xã) với --elements chỉ tiêu",
                "trong --months tháng vào PostgreSQL, rồi đo máy phân tích và bảng phân tích kiểu DHIS2 (GROUP BY).",
                "In: load_s, engine_build_s, pivot_ms, rollup_ms, point_ms, fresh_ms, baseline_pivot_ms, speedup, heap_mb.",
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
        try (ConfigurableApplicationContext ctx = Boot.start(bench.parent.application, db, false,
                Map.of("kehoach.analytics.warm-up", "false", "spring.datasource.hikari.maximum-pool-size", "6"))) {
            ctx.getBean(NationalBench.class).run(communes, elements, months, out::println, err::println);
        } finally {
            if (created != null && !keep) {
                admin("drop database if exists " + created + " with (force)");
            }
        }
        return 0;
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
