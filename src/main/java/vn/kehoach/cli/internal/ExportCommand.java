package vn.kehoach.cli.internal;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.kehoach.exchange.CsvFile;
import vn.kehoach.exchange.Dhis2Mapping;
import vn.kehoach.exchange.ExportFormat;
import vn.kehoach.exchange.ExportRequest;
import vn.kehoach.exchange.Exports;
import vn.kehoach.period.Period;

/** {@code kehoach export}: the package, DHIS2 dataValueSets or SDMX-CSV of a unit's subtree. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Xuất số liệu, chỉ tiêu kế hoạch và danh mục: csv (gói CSV: thư mục, hoặc .zip), json, xlsx,",
                "dhis2-json, dhis2-csv (dataValueSets của DHIS2, qua bảng ánh xạ mã) hoặc sdmx-csv (SDMX-CSV 2.0 cho",
                "cơ quan thống kê). Tệp xuất ra nhập lại được bằng kehoach import."})
class ExportCommand implements Callable<Integer> {

    @ParentCommand
    KeHoachCommand parent;

    @Option(names = "--format", required = true, description = "csv, json, xlsx, dhis2-json, dhis2-csv hoặc sdmx-csv.")
    String format;

    @Option(names = "--unit", paramLabel = "CODE", description = "Đơn vị (cùng các đơn vị trực thuộc). Mặc định: tất cả.")
    String unit;

    @Option(names = "--period", paramLabel = "ID", description = "Chỉ một kỳ (2021, 2021S1…). Mặc định: mọi kỳ.")
    String period;

    @Option(names = "--include", split = ",", paramLabel = "WHAT",
            description = "catalog, values, targets (gói csv, json, xlsx). Mặc định: cả ba.")
    List<String> include;

    @Option(names = "--mapping", paramLabel = "FILE", description = "Bảng ánh xạ mã KeHoach → DHIS2 (CSV: type,kehoach,dhis2).")
    Path mapping;

    @Option(names = "--dataflow", paramLabel = "AGENCY:ID(VERSION)", description = "Dataflow của SDMX-CSV. Mặc định: "
            + ExportRequest.DEFAULT_DATAFLOW + ".")
    String dataflow;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Tệp ra; với csv: một thư mục, hoặc tệp .zip.")
    Path out;

    @Override
    public Integer call() throws Exception {
        ExportFormat f = ExportFormat.parse(format);
        EnumSet<ExportRequest.Content> contents = EnumSet.noneOf(ExportRequest.Content.class);
        if (include != null) {
            include.forEach(i -> contents.add(ExportRequest.Content.parse(i)));
        }
        Dhis2Mapping map = null;
        if (mapping != null) {
            if (!Files.isRegularFile(mapping)) {
                throw new KeHoachCommand.UserError("không có tệp ánh xạ '" + mapping + "'");
            }
            map = Dhis2Mapping.read(mapping.getFileName().toString(), new ByteArrayInputStream(Files.readAllBytes(mapping)));
        }
        ExportRequest request = new ExportRequest(f, unit, period == null ? null : Period.parse(period), contents, map, dataflow);
        PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (ConfigurableApplicationContext ctx = Boot.start(parent, false, Map.of())) {
            Exports exports = ctx.getBean(Exports.class);
            if (f == ExportFormat.CSV && !out.getFileName().toString().toLowerCase().endsWith(".zip")) {
                Files.createDirectories(out);
                List<CsvFile> files = exports.csvFiles(request);
                for (CsvFile file : files) {
                    Files.writeString(out.resolve(file.name()), file.content(), StandardCharsets.UTF_8);
                }
                stdout.println("Đã ghi " + files.size() + " tệp CSV vào " + out);
                return 0;
            }
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            Exports.Summary summary;
            try (OutputStream o = Files.newOutputStream(out)) {
                summary = exports.write(request, o);
            }
            stdout.println("Đã ghi " + out + " (" + f.label() + (summary.rows() >= 0 ? ", " + summary.rows() + " dòng" : "") + ")");
            summary.notes().forEach(n -> stdout.println("Lưu ý: " + n));
        }
        return 0;
    }
}
