package vn.kehoach.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.kehoach.backup.BackupException;
import vn.kehoach.backup.Backups;
import vn.kehoach.backup.Manifest;

/**
 * {@code kehoach restore FILE.zip}: loads a backup into the database of {@code --db}, all or nothing; the way from
 * the embedded H2 start to PostgreSQL.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Khôi phục một bản sao lưu vào cơ sở dữ liệu --db (H2 hoặc PostgreSQL): tất cả hoặc không gì cả.",
                "Cơ sở dữ liệu đích phải trống, trừ khi có --replace. Tệp bị hỏng hay bị sửa thì bị từ chối (mã thoát 2)",
                "và cơ sở dữ liệu giữ nguyên."})
class RestoreCommand implements Callable<Integer> {

    @ParentCommand
    KeHoachCommand parent;

    @Parameters(index = "0", paramLabel = "FILE.zip", description = "Tệp sao lưu do 'kehoach backup' tạo.")
    Path file;

    @Option(names = "--replace", description = "Xoá toàn bộ dữ liệu hiện có rồi thay bằng bản sao lưu (trong cùng một giao dịch).")
    boolean replace;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        if (!Files.isRegularFile(file)) {
            throw new KeHoachCommand.UserError("Không có tệp sao lưu " + file);
        }
        try {
            Manifest m = Manifest.read(file);
            String code = Backups.codeSchemaVersion();
            if (Backups.compareVersions(m.schemaVersion(), code) > 0) {
                throw new BackupException("Bản sao lưu có phiên bản lược đồ " + m.schemaVersion()
                        + ", mới hơn phiên bản của chương trình này (" + code + "): hãy khôi phục bằng phiên bản KeHoach mới hơn");
            }
            boolean older = Backups.compareVersions(m.schemaVersion(), code) < 0;
            // An older backup is loaded into the schema it was taken from, then migrated as any upgrade would be.
            Map<String, Object> flyway = older ? Map.of("spring.flyway.target", m.schemaVersion()) : Map.of();
            try (ConfigurableApplicationContext ctx = Boot.start(parent, false, flyway)) {
                Backups backups = ctx.getBean(Backups.class);
                long loading = System.nanoTime();
                Backups.Restored r = backups.restore(file, replace);
                double restoring = (System.nanoTime() - loading) / 1e9;
                if (older) {
                    backups.migrateToLatest();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "Đã khôi phục %d bảng, %d dòng từ %s (sao lưu lúc %s từ %s, lược đồ phiên bản %s%s)%s: %.1f giây (trong đó ghi dữ liệu %.1f giây)%n",
                        m.tables().size(), r.rows(), file, vn.kehoach.format.Numbers.vi().dateTime(m.createdAt()), m.database(), m.schemaVersion(),
                        older ? ", đã nâng lên " + code : "", replace ? ", dữ liệu cũ đã được thay" : "", seconds, restoring);
            }
            return 0;
        } catch (BackupException e) {
            throw new KeHoachCommand.UserError(e.getMessage());
        }
    }
}
