package vn.kehoach.cli.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.kehoach.document.DocumentFormat;
import vn.kehoach.document.ReportDocument;
import vn.kehoach.document.PlanDocumentWriter;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.InvalidPeriodException;
import vn.kehoach.period.Period;

/**
 * {@code kehoach report}: writes a unit's plan document for a year ({@code --kind plan}, the default) or its periodic
 * report for a period ({@code --kind report --period 2025S1}) as DOCX or PDF, or the forms as XLSX. The options are
 * checked together before anything starts: a report needs a period, a plan a year, and neither takes the other's.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Xuất văn bản kế hoạch phát triển kinh tế - xã hội của một đơn vị cho một năm (--kind plan, mặc định),",
                "hoặc báo cáo tình hình thực hiện nhiệm vụ của một kỳ (--kind report --period 2025S1|2025Q3|2025YTD09|2025):",
                "docx (Word), pdf (phông nhúng sẵn) hoặc xlsx (các biểu mẫu 01–06)."})
class ReportCommand implements Callable<Integer> {

    @ParentCommand
    KeHoachCommand parent;

    @Option(names = "--unit", required = true, paramLabel = "CODE", description = "Mã đơn vị, ví dụ HALANG.")
    String unit;

    @Option(names = "--kind", paramLabel = "plan|report", defaultValue = "plan",
            description = "plan: kế hoạch năm (cần --year, mặc định); report: báo cáo định kỳ (cần --period).")
    String kind;

    @Option(names = "--year", paramLabel = "N", description = "Năm kế hoạch, ví dụ 2022 (với --kind plan).")
    Integer year;

    @Option(names = "--period", paramLabel = "KỲ",
            description = "Kỳ báo cáo (với --kind report): 2025S1 (6 tháng), 2025Q3 (quý), 2025YTD09 (9 tháng), 2025 (năm), 202506 (tháng).")
    String period;

    @Option(names = "--format", paramLabel = "docx|xlsx|pdf",
            description = "docx, xlsx hoặc pdf; bỏ trống thì theo đuôi tệp --out (mặc định docx).")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Tệp kết quả.")
    Path out;

    @Override
    public Integer call() throws IOException {
        DocumentFormat f = DocumentFormat.parse(format != null ? format : extensionOr(out, "docx"));
        Period reportPeriod = options();
        Path parentDir = out.toAbsolutePath().getParent();
        if (parentDir != null && !Files.isDirectory(parentDir)) {
            throw new KeHoachCommand.UserError("thư mục '" + parentDir + "' không có: tạo thư mục trước hoặc chọn --out khác");
        }
        try (ConfigurableApplicationContext ctx = Boot.start(parent, false, Map.of())) {
            ctx.getBean(OrgUnits.class).require(unit);
            // Written next to the target first, so a failure never leaves half a file under the asked name.
            Path tmp = Files.createTempFile(parentDir == null ? Path.of(".") : parentDir, ".kehoach-", "." + f.extension());
            try {
                try (OutputStream os = Files.newOutputStream(tmp)) {
                    PlanDocumentWriter writer = ctx.getBean(PlanDocumentWriter.class);
                    if (reportPeriod == null) {
                        writer.write(unit, year, f, os);
                    } else {
                        writer.writeReport(unit, reportPeriod, f, os);
                    }
                }
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        System.out.println("Đã ghi " + out + " (" + Files.size(out) / 1024 + " KB)");
        return 0;
    }

    /** The report's period, or null for a plan; a wrong combination is refused naming the option. */
    private Period options() {
        String k = kind == null ? "plan" : kind.strip().toLowerCase(java.util.Locale.ROOT);
        switch (k) {
            case "plan" -> {
                if (period != null) {
                    throw new KeHoachCommand.UserError("--period chỉ dùng với --kind report (báo cáo định kỳ); "
                            + "kế hoạch năm dùng --year, ví dụ --year 2022");
                }
                if (year == null) {
                    throw new KeHoachCommand.UserError("--kind plan cần --year (năm kế hoạch, ví dụ --year 2022)");
                }
                return null;
            }
            case "report" -> {
                if (year != null) {
                    throw new KeHoachCommand.UserError("--year chỉ dùng với --kind plan; báo cáo định kỳ dùng --period, "
                            + "ví dụ --period " + year + "S1");
                }
                if (period == null || period.isBlank()) {
                    throw new KeHoachCommand.UserError("--kind report cần --period (kỳ báo cáo: 2025S1, 2025Q3, "
                            + "2025YTD09 hoặc 2025)");
                }
                Period p;
                try {
                    p = Period.parse(period);
                } catch (InvalidPeriodException e) {
                    throw new KeHoachCommand.UserError("--period: " + e.getMessage());
                }
                try {
                    ReportDocument.checkedPeriod(p);
                } catch (IllegalArgumentException e) {
                    throw new KeHoachCommand.UserError("--period: " + e.getMessage());
                }
                return p;
            }
            default -> throw new KeHoachCommand.UserError("--kind '" + kind + "' không có; dùng plan (kế hoạch năm) "
                    + "hoặc report (báo cáo định kỳ)");
        }
    }

    /** The file's extension when it names a format, else the fallback. */
    private static String extensionOr(Path file, String fallback) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
        return java.util.Set.of("docx", "pdf", "xlsx").contains(ext) ? ext : fallback;
    }
}
