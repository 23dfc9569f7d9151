package vn.kehoach.cli.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.kehoach.backup.BackupException;
import vn.kehoach.backup.Backups;
import vn.kehoach.backup.Manifest;

/** {@code kehoach backup --out FILE.zip}: a consistent snapshot of the whole database, safe while the server runs. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Sao lưu toàn bộ dữ liệu (mọi bảng, kể cả người dùng và nhật ký) vào một tệp zip.",
                "Chạy được khi máy chủ đang chạy: bản sao lưu là một ảnh chụp nhất quán tại một thời điểm.",
                "Khôi phục bằng: kehoach --db … restore FILE.zip"})
class BackupCommand implements Callable<Integer> {

    @ParentCommand
    KeHoachCommand parent;

    @Option(names = "--out", required = true, paramLabel = "FILE.zip", description = "Tệp sao lưu sẽ ghi (ghi đè nếu đã có).")
    Path out;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        Path target = out.toAbsolutePath();
        Files.createDirectories(target.getParent());
        // Written beside the target and moved into place at the end, so a failed backup never leaves a half file
        // under the name a schedule keeps.
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        // No migration here: a backup taken before an upgrade must hold the schema the data was written in.
        try (ConfigurableApplicationContext ctx = Boot.start(parent, false,
                Map.of("spring.flyway.enabled", "false"))) {
            Manifest m;
            long snapshot = System.nanoTime();
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                m = ctx.getBean(Backups.class).backup(os);
            }
            double reading = (System.nanoTime() - snapshot) / 1e9;
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "Đã sao lưu %d bảng, %d dòng (lược đồ phiên bản %s, %s) vào %s: %d byte, %.1f giây (trong đó đọc và nén %.1f giây)%n",
                    m.tables().size(), m.rows(), m.schemaVersion(), m.database(), target, Files.size(target), seconds, reading);
            return 0;
        } catch (BackupException e) {
            throw new KeHoachCommand.UserError(e.getMessage());
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
