package vn.kehoach.cli.internal;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.kehoach.audit.Source;
import vn.kehoach.exchange.Change;
import vn.kehoach.exchange.Dhis2Mapping;
import vn.kehoach.exchange.FileImport;
import vn.kehoach.exchange.ImportError;
import vn.kehoach.exchange.ImportOptions;
import vn.kehoach.exchange.ImportOutcome;
import vn.kehoach.exchange.ImportResult;
import vn.kehoach.exchange.IncomingFile;

/** {@code kehoach import}: imports workbooks, CSV and JSON packages, DHIS2 files and zips of them. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Nhập tệp: biểu mẫu Excel đã điền và bảng tính .xlsx, gói CSV (một hay nhiều tệp, hoặc thư mục),",
                "gói JSON, dataValueSets của DHIS2 (JSON, CSV) và tệp nén .zip chứa các tệp đó.",
                "Mỗi bảng tính, mỗi tệp JSON, và các tệp CSV cùng nhau được lưu trọn vẹn hoặc không lưu gì;",
                "với --all-or-nothing thì cả lần nhập. Mọi lỗi được báo theo tệp, trang tính, ô (hoặc dòng, cột)."})
class ImportCommand implements Callable<Integer> {

    @ParentCommand
    KeHoachCommand parent;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Tệp .xlsx, .csv, .json, .zip hoặc thư mục.")
    List<Path> files;

    @Option(names = "--user", defaultValue = "${sys:user.name}", description = "Người nhập, ghi vào nhật ký.")
    String user;

    @Option(names = "--all-or-nothing", description = "Lưu tất cả các tệp trong một giao dịch: một lỗi ở bất kỳ đâu thì không lưu gì.")
    boolean atomic;

    @Option(names = "--mapping", paramLabel = "FILE", description = "Bảng ánh xạ mã KeHoach ↔ DHIS2 (CSV: type,kehoach,dhis2).")
    Path mapping;

    @Option(names = "--dry-run", description = "Chỉ kiểm tra và liệt kê thay đổi, không lưu.")
    boolean dryRun;

    @Option(names = "--max-size", paramLabel = "MB", defaultValue = "20",
            description = "Dung lượng lớn nhất của một tệp, MB. Mặc định: ${DEFAULT-VALUE}.")
    long maxMegabytes;

    @Override
    public Integer call() throws Exception {
        long max = maxMegabytes * 1024 * 1024;
        List<IncomingFile> incoming;
        try {
            incoming = FileImport.read(files, max);
        } catch (IllegalArgumentException e) {
            throw new KeHoachCommand.UserError(e.getMessage());
        }
        Dhis2Mapping map = null;
        if (mapping != null) {
            if (!Files.isRegularFile(mapping)) {
                throw new KeHoachCommand.UserError("không có tệp ánh xạ '" + mapping + "'");
            }
            map = Dhis2Mapping.read(mapping.getFileName().toString(), new ByteArrayInputStream(Files.readAllBytes(mapping)));
        }
        ImportOptions options = new ImportOptions(atomic, map, max);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        try (ConfigurableApplicationContext ctx = Boot.start(parent, false, Map.of())) {
            FileImport importer = ctx.getBean(FileImport.class);
            ImportResult result = dryRun ? importer.preview(incoming, options, user)
                    : importer.store(incoming, options, user, Source.IMPORT);
            for (ImportOutcome part : result.parts()) {
                if (part.ok()) {
                    String verb = dryRun ? "Sẽ nhập" : part.stored() ? "Đã nhập" : "Không lưu (tệp khác có lỗi)";
                    out.println(verb + " " + part.name() + " (" + part.format() + "): " + part.report()
                            + " — " + part.changes().size() + " thay đổi");
                    if (dryRun) {
                        for (Change c : part.changes()) {
                            out.println("  " + c.place() + ": " + c.subject() + ": " + c.oldValue() + " → " + c.newValue());
                        }
                    }
                    for (ImportError w : part.warnings()) {
                        err.println("  cảnh báo: " + w);
                    }
                } else {
                    err.println("Không nhập được " + part.name() + " (" + part.format() + "), chưa lưu gì của tệp này ("
                            + part.errors().size() + " lỗi):");
                    for (ImportError e : part.errors()) {
                        err.println("  - " + e);
                    }
                }
            }
            return result.ok() ? 0 : 2;
        }
    }

}
