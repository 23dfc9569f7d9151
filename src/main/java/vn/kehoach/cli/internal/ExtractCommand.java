package vn.kehoach.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.kehoach.format.Numbers;
import vn.kehoach.narrative.FigureExtractor;
import vn.kehoach.narrative.Proposal;
import vn.kehoach.narrative.ReportFiles;
import vn.kehoach.format.Csv;

/**
 * {@code kehoach extract FILE}: the figures a report states, matched to the catalog, as a review list; with
 * {@code --out DIR}, as two CSV files of the import format (values, targets) ready for {@code kehoach import}
 * once a planner has checked them.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Đề xuất số liệu và chỉ tiêu kế hoạch từ một báo cáo (văn bản, DOCX, PDF), mỗi số được",
                "ghép với chỉ tiêu trong danh mục theo tên (kèm độ tin cậy) để cán bộ kế hoạch rà soát rồi nhập."})
class ExtractCommand implements Callable<Integer> {

    @ParentCommand
    KeHoachCommand parent;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--unit", paramLabel = "CODE", description = "Mã đơn vị cho các tệp CSV (mặc định: đọc từ tiêu đề).")
    String unit;

    @Option(names = "--min-confidence", defaultValue = "0.5", description = "Chỉ ghi vào CSV các số ghép được với độ tin cậy từ mức này. Mặc định: ${DEFAULT-VALUE}.")
    double minConfidence;

    @Option(names = "--period", paramLabel = "KỲ", description = "Kỳ của báo cáo khi văn bản không ghi rõ (2023, 2024S1, 2023Q3, 2023YTD09); không có thì các số không rõ kỳ không được đề xuất.")
    String period;

    @Option(names = "--out", paramLabel = "DIR", description = "Ghi values.csv và targets.csv (định dạng của kehoach import) vào thư mục này.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new KeHoachCommand.UserError("không có tệp '" + file + "'");
        }
        // An empty, unreadable or garbled file is refused (exit 2) before the application starts.
        String text = new ReportFiles().text(file.getFileName().toString(), Files.readAllBytes(file));
        try (ConfigurableApplicationContext ctx = Boot.start(parent, false, Map.of())) {
            FigureExtractor extractor = ctx.getBean(FigureExtractor.class);
            List<Proposal> proposals = extractor.extract(text, period);
            PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            for (Proposal p : proposals) {
                stdout.printf("%-6s %-10s %16s %-12s %-32s %4.2f  %s%n", p.type() == Proposal.Type.VALUE ? "số liệu" : "KH",
                        p.period() == null ? "?" : p.period(), Numbers.vi().format(p.value()), p.unit() == null ? "" : p.unit(),
                        p.figureCode() == null ? "(chưa ghép)" : p.figureCode(), p.confidence(), p.subject());
                if (p.refusal() != null) {
                    stdout.println("       không đề xuất: " + p.refusal());
                }
            }
            long refused = proposals.stream().filter(p -> p.refusal() != null).count();
            stdout.println("Đọc được " + proposals.size() + " số: đề xuất " + (proposals.size() - refused)
                    + ", không đề xuất " + refused + " (lý do ở dưới từng dòng).");
            if (out != null) {
                String unitCode = unit != null ? unit : extractor.unitOf(text) == null ? null : extractor.unitOf(text).code();
                if (unitCode == null) {
                    throw new KeHoachCommand.UserError("không đọc được đơn vị từ tiêu đề báo cáo; dùng --unit");
                }
                Written w = write(proposals, ctx.getBean(vn.kehoach.orgunit.OrgUnits.class).require(unitCode), extractor);
                if (w.skipped() > 0) {
                    stdout.println("Bỏ qua " + w.skipped() + " số liệu đã có hoặc được tổng hợp từ đơn vị trực thuộc.");
                }
                if (w.values() + w.targets() == 0) {
                    stdout.println("Không có số nào đủ tin cậy để ghi (độ tin cậy từ " + minConfidence
                            + ", có kỳ, không bị từ chối): không ghi tệp nào vào " + out + ".");
                } else {
                    stdout.println("Đã ghi " + (w.values() > 0 ? w.values() + " dòng vào " + out.resolve("values.csv") : "")
                            + (w.values() > 0 && w.targets() > 0 ? " và " : "")
                            + (w.targets() > 0 ? w.targets() + " dòng vào " + out.resolve("targets.csv") : "")
                            + ": rà soát rồi nhập bằng kehoach import " + out);
                }
            }
        }
        return 0;
    }

    /** How many rows went into each file, and how many proposals were left out as already stored. */
    private record Written(int values, int targets, int skipped) {
    }

    private Written write(List<Proposal> proposals, vn.kehoach.orgunit.OrgUnit unit, FigureExtractor extractor)
            throws IOException {
        String unitCode = unit.code();
        int skipped = 0;
        List<List<Object>> values = new ArrayList<>();
        List<List<Object>> targets = new ArrayList<>();
        for (Proposal p : proposals) {
            if (p.refusal() != null || p.figureCode() == null || p.confidence() < minConfidence
                    || p.valueInFigureUnit() == null || p.period() == null) {
                continue;
            }
            if (extractor.reasonNotToImport(unit, p) != null) {
                skipped++;
                continue;
            }
            String note = "trích từ báo cáo (độ tin cậy " + p.confidence() + "): " + p.subject();
            if (p.type() == Proposal.Type.VALUE) {
                values.add(List.of(p.figureCode(), unitCode, p.period(), p.estimate() ? "ESTIMATE" : "ACTUAL",
                        p.valueInFigureUnit(), note));
            } else {
                targets.add(List.of(p.figureCode(), unitCode, p.period(), "DISTRICT_COUNCIL", p.valueInFigureUnit(),
                        note));
            }
        }
        // Files a person reviews in a spreadsheet before importing them: with the byte order mark (import skips it).
        // An empty file is not written: an import of it would say it imported nothing, as if something was read.
        if (!values.isEmpty() || !targets.isEmpty()) {
            Files.createDirectories(out);
        }
        if (!values.isEmpty()) {
            Files.write(out.resolve("values.csv"), Csv.file(Csv.write(List.of("element", "org_unit", "period", "kind",
                    "value", "comment"), values)));
        }
        if (!targets.isEmpty()) {
            Files.write(out.resolve("targets.csv"), Csv.file(Csv.write(List.of("figure", "org_unit", "period", "issuer",
                    "value", "note"), targets)));
        }
        return new Written(values.size(), targets.size(), skipped);
    }
}
