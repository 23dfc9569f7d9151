package vn.kehoach.cli.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.kehoach.narrative.CheckReport;
import vn.kehoach.narrative.Finding;
import vn.kehoach.narrative.ReportChecker;
import vn.kehoach.narrative.ReportFiles;

/** {@code kehoach check FILE}: the figures of a report that do not add up; exit code 1 when there are any. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Kiểm tra số liệu trong báo cáo (văn bản, DOCX hoặc PDF): tỷ lệ \"a/b … đạt X%%\", số đếm",
                "\"N/M xã (…)\", tổng và các phần; cảnh báo đơn vị tính bất thường so với số liệu đã có của đơn vị.",
                "Đọc cả so sánh với cùng kỳ khi nêu đủ hai vế, kế hoạch trong ngoặc (KH a–b), \"vượt x% KH\", cơ cấu 100%%,",
                "đóng góp điểm %%, diện tích × năng suất; số cận (trên, hơn, gần) không bị sửa. Cuối cùng in \"Đã kiểm N phép",
                "tính; M câu có số liệu không kiểm được (lý do)\". Mã thoát 1 khi tìm thấy sai sót hoặc cảnh báo, 2 khi không đọc được tệp."})
class CheckCommand implements Callable<Integer> {

    @ParentCommand
    KeHoachCommand parent;

    @Parameters(paramLabel = "FILE", description = "Tệp báo cáo (.txt, .docx, .pdf).")
    Path file;

    @Option(names = "--unit", paramLabel = "CODE", description = "Mã đơn vị của báo cáo (mặc định: đọc từ tiêu đề).")
    String unit;

    @Option(names = "--format", defaultValue = "table", description = "table hoặc json. Mặc định: ${DEFAULT-VALUE}.")
    String format;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new KeHoachCommand.UserError("không có tệp '" + file + "'");
        }
        // An empty, unreadable or garbled file is refused (exit 2) before the application starts.
        String text = new ReportFiles().text(file.getFileName().toString(), Files.readAllBytes(file));
        try (ConfigurableApplicationContext ctx = Boot.start(parent, false, Map.of())) {
            CheckReport report = ctx.getBean(ReportChecker.class).check(text, unit);
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            if ("json".equals(format)) {
                out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(report));
            } else {
                print(report, out);
            }
            return report.findings().isEmpty() ? 0 : 1;
        }
    }

    private static void print(CheckReport r, PrintStream out) {
        long ok = r.checked().stream().filter(c -> c.matches()).count();
        out.println("Đã đọc " + r.sentences() + " câu, kiểm tra " + r.checked().size() + " phép tính (" + ok + " đúng)"
                + (r.orgUnitCode() == null ? "" : "; đơn vị: " + r.orgUnitCode()) + ".");
        int i = 0;
        for (Finding f : r.findings()) {
            out.println();
            out.println(++i + ". [" + f.kind().label() + "] báo cáo ghi " + f.stated()
                    + (f.correct() == null ? " (không khớp, chưa rõ số nào sai)" : ", đúng là " + f.correct()));
            out.println("   " + f.explanation());
            out.println("   Câu: \"" + abbreviate(f.sentence()) + "\"");
        }
        out.println();
        out.println(r.findings().isEmpty() ? "Không thấy sai sót." : "Tìm thấy " + r.errors() + " sai sót và "
                + r.warnings() + " cảnh báo.");
        out.println(r.coverage());
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 297) + "…";
    }
}
