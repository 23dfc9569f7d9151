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
import vn.kehoach.document.PlanDocumentWriter;
import vn.kehoach.orgunit.OrgUnits;

/** {@code kehoach report}: writes a unit's plan document for a year as DOCX or PDF, or its six forms as XLSX. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Xuất văn bản kế hoạch phát triển kinh tế - xã hội của một đơn vị cho một năm:",
                "docx (Word), pdf (phông nhúng sẵn) hoặc xlsx (các biểu mẫu 01–06)."})
class ReportCommand implements Callable<Integer> {

    @ParentCommand
    KeHoachCommand parent;

    @Option(names = "--unit", required = true, paramLabel = "CODE", description = "Mã đơn vị, ví dụ HALANG.")
    String unit;

    @Option(names = "--year", required = true, paramLabel = "N", description = "Năm kế hoạch, ví dụ 2022.")
    int year;

    @Option(names = "--format", required = true, paramLabel = "docx|xlsx|pdf", description = "docx, xlsx hoặc pdf.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Tệp kết quả.")
    Path out;

    @Override
    public Integer call() throws IOException {
        DocumentFormat f = DocumentFormat.parse(format);
        Path parentDir = out.toAbsolutePath().getParent();
        if (parentDir != null && !Files.isDirectory(parentDir)) {
            throw new KeHoachCommand.UserError("thư mục '" + parentDir + "' không có: tạo thư mục trước hoặc chọn --out khác");
        }
        try (ConfigurableApplicationContext ctx = Boot.start(parent.application, parent.db, false, Map.of())) {
            ctx.getBean(OrgUnits.class).require(unit);
            // Written next to the target first, so a failure never leaves half a file under the asked name.
            Path tmp = Files.createTempFile(parentDir == null ? Path.of(".") : parentDir, ".kehoach-", "." + f.extension());
            try {
                try (OutputStream os = Files.newOutputStream(tmp)) {
                    ctx.getBean(PlanDocumentWriter.class).write(unit, year, f, os);
                }
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        System.out.println("Đã ghi " + out + " (" + Files.size(out) / 1024 + " KB)");
        return 0;
    }
}
