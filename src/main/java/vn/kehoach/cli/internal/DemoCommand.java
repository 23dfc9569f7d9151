package vn.kehoach.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.kehoach.demo.DemoDistrict;
import vn.kehoach.exchange.ImportReport;

/** {@code kehoach demo}: a fresh embedded database with the demo district, and the web server on localhost. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Tạo cơ sở dữ liệu mới (H2 trong ./data/demo) với số liệu mẫu huyện Hạ Lang,",
                "rồi chạy máy chủ web chỉ cho máy này (localhost)."})
class DemoCommand implements Callable<Integer> {

    static final Path DEMO_DIR = Path.of("data", "demo");

    @ParentCommand
    KeHoachCommand parent;

    @Option(names = "--port", defaultValue = "8080", description = "Cổng (mặc định ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws Exception {
        String db = parent.db;
        if (db == null || db.isBlank()) {
            db = "jdbc:h2:file:./" + DEMO_DIR.resolve("kehoach").toString().replace('\\', '/') + Boot.H2_OPTIONS;
            // Refused before the folder is wiped: the demo's H2 file can have no replica.
            Boot.dataSource(db, parent.dbReplica);
            wipe(DEMO_DIR);
        }
        ConfigurableApplicationContext ctx = Boot.start(parent, db, true,
                Map.of("server.port", port, "server.address", "127.0.0.1"));
        DemoDistrict demo = ctx.getBean(DemoDistrict.class);
        ImportReport report = demo.load("demo");
        System.out.println("Đã nạp số liệu mẫu huyện Hạ Lang: " + report);
        System.out.println("Người dùng mẫu (mật khẩu: " + DemoDistrict.DEMO_PASSWORD + "):");
        for (DemoDistrict.DemoUser u : demo.users()) {
            System.out.printf("  %-22s %-10s %s%n", u.username(), u.role(), u.orgUnitName());
        }
        System.out.println("KeHoach (demo) đang chạy tại http://localhost:" + port + "/ (chỉ truy cập từ máy này)");
        System.out.flush();
        Servers.awaitClose(ctx);
        return 0;
    }

    private static void wipe(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
