package vn.kehoach.cli.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.kehoach.audit.Source;
import vn.kehoach.format.Csv;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.planning.PlanCycle;
import vn.kehoach.planning.PlanStatus;
import vn.kehoach.planning.PlanningCycle;
import vn.kehoach.target.Direction;
import vn.kehoach.target.Target;

/**
 * {@code kehoach plan open|propose|submit|return|allocate|adopt|adjust|status}: the planning cycle of a plan year
 * (docs/planning-cycle.md). The command line acts as the system, as every command does.
 */
final class PlanCycleCommands {

    private PlanCycleCommands() {
    }

    static String user() {
        return System.getProperty("user.name");
    }

    /** "2026-07-15" or "15/07/2026". */
    static LocalDate date(String text, String option) {
        try {
            return text.contains("/") ? LocalDate.parse(text.strip(), DateTimeFormatter.ofPattern("d/M/uuuu"))
                    : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new KeHoachCommand.UserError("Ngày '" + text + "' (" + option + ") không đọc được; dùng dạng "
                    + "2026-07-15 hoặc 15/07/2026");
        }
    }

    static <T> T with(PlanCommand plan, Function<ConfigurableApplicationContext, T> work) {
        try (ConfigurableApplicationContext ctx = Boot.start(plan.parent, false, Map.of())) {
            return work.apply(ctx);
        }
    }

    static void print(String text) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.print(text);
        out.flush();
    }

    static String target(Target t) {
        String value = Numbers.vi().format(t.value()) + (t.valueHigh() == null ? "" : "–" + Numbers.vi().format(t.valueHigh()));
        return (t.direction() == Direction.RANGE ? "" : t.direction().symbol() + " ") + value;
    }

    @Command(name = "open", mixinStandardHelpOptions = true,
            description = {"Mở chu trình kế hoạch năm (hướng dẫn): đơn vị cấp trên yêu cầu các đơn vị trực thuộc đề xuất",
                    "chỉ tiêu năm N trước hạn, kèm ước thực hiện năm N−1 nếu cần."})
    static class Open implements Callable<Integer> {
        @ParentCommand
        PlanCommand plan;
        @Option(names = "--unit", required = true, paramLabel = "CODE", description = "Đơn vị cấp trên mở chu trình, ví dụ CAOBANG.")
        String unit;
        @Option(names = "--year", required = true, paramLabel = "N", description = "Năm kế hoạch, ví dụ 2027.")
        int year;
        @Option(names = "--deadline", required = true, paramLabel = "NGÀY", description = "Hạn gửi đề xuất, ví dụ 2026-07-15.")
        String deadline;
        @Option(names = "--figures", required = true, split = ",", paramLabel = "MÃ,MÃ", description = "Các chỉ tiêu cần đề xuất, ví dụ CATTLE_HERD,BUFFALO_HERD.")
        List<String> figures;
        @Option(names = "--estimate", description = "Yêu cầu kèm ước thực hiện năm N−1.")
        boolean estimate;

        @Override
        public Integer call() {
            LocalDate d = date(deadline, "--deadline");
            PlanCycle c = with(plan, ctx -> ctx.getBean(PlanningCycle.class).open(unit, year, d, figures, estimate,
                    user(), Source.CLI));
            print("Đã mở chu trình kế hoạch năm " + c.year() + " của " + c.unit().name() + ": hạn đề xuất "
                    + Numbers.vi().date(c.deadline()) + ", " + c.figures().size() + " chỉ tiêu ("
                    + String.join(", ", c.figures()) + ")" + (c.wantsEstimate() ? ", kèm ước thực hiện năm "
                    + (c.year() - 1) : "") + "\n");
            return 0;
        }
    }

    @Command(name = "propose", mixinStandardHelpOptions = true,
            description = {"Đề xuất chỉ tiêu năm N của một đơn vị (trạng thái dự kiến), mỗi chỉ tiêu MÃ=GIÁ_TRỊ, giá trị",
                    "viết như trong ô nhập: 1.500, 24,5, 8–9%, ≤ 18%."})
    static class Propose implements Callable<Integer> {
        @ParentCommand
        PlanCommand plan;
        @Option(names = "--unit", required = true, paramLabel = "CODE", description = "Đơn vị đề xuất, ví dụ XAHALANG.")
        String unit;
        @Option(names = "--year", required = true, paramLabel = "N", description = "Năm kế hoạch.")
        int year;
        @Option(names = "--value", required = true, paramLabel = "MÃ=GIÁ_TRỊ", description = "Ví dụ CATTLE_HERD=1.600 (lặp lại cho mỗi chỉ tiêu).")
        Map<String, String> values;

        @Override
        public Integer call() {
            List<Target> stored = with(plan, ctx -> ctx.getBean(PlanningCycle.class).propose(unit, year,
                    new LinkedHashMap<>(values), Numbers.vi()::parse, user(), Source.CLI));
            StringBuilder out = new StringBuilder();
            stored.forEach(t -> out.append("Đã đề xuất ").append(t.figureCode()).append(" — ").append(t.orgUnitCode())
                    .append(" — ").append(year).append(": ").append(target(t)).append('\n'));
            print(out.toString());
            return 0;
        }
    }

    @Command(name = "submit", mixinStandardHelpOptions = true,
            description = "Gửi đề xuất kế hoạch năm N của đơn vị lên cấp trên; sau khi gửi không sửa được, trừ khi bị trả lại.")
    static class Submit implements Callable<Integer> {
        @ParentCommand
        PlanCommand plan;
        @Option(names = "--unit", required = true, paramLabel = "CODE", description = "Đơn vị gửi đề xuất.")
        String unit;
        @Option(names = "--year", required = true, paramLabel = "N", description = "Năm kế hoạch.")
        int year;

        @Override
        public Integer call() {
            PlanStatus s = with(plan, ctx -> ctx.getBean(PlanningCycle.class).submit(unit, year, user(), Source.CLI));
            print("Đã gửi đề xuất kế hoạch năm " + year + " của " + s.unit().name() + ": " + s.proposals()
                    + " chỉ tiêu, lúc " + Numbers.vi().dateTime(s.submittedAt()) + "\n");
            return 0;
        }
    }

    @Command(name = "return", mixinStandardHelpOptions = true,
            description = "Trả lại đề xuất đã gửi của một đơn vị trực thuộc, kèm lý do; đơn vị sửa rồi gửi lại.")
    static class Return implements Callable<Integer> {
        @ParentCommand
        PlanCommand plan;
        @Option(names = "--unit", required = true, paramLabel = "CODE", description = "Đơn vị bị trả lại đề xuất.")
        String unit;
        @Option(names = "--year", required = true, paramLabel = "N", description = "Năm kế hoạch.")
        int year;
        @Option(names = "--reason", required = true, paramLabel = "LÝ_DO", description = "Lý do trả lại.")
        String reason;

        @Override
        public Integer call() {
            PlanStatus s = with(plan, ctx -> ctx.getBean(PlanningCycle.class).returnProposals(unit, year, reason,
                    user(), Source.CLI));
            print("Đã trả lại đề xuất kế hoạch năm " + year + " của " + s.unit().name() + ": " + reason + "\n");
            return 0;
        }
    }

    @Command(name = "allocate", mixinStandardHelpOptions = true,
            description = {"Giao (dự thảo) chỉ tiêu năm N cho một đơn vị trực thuộc, do cấp trên giao (UBND tỉnh giao…);",
                    "giá trị viết như trong ô nhập: 1.500, 8–9%, ≤ 18%."})
    static class Allocate implements Callable<Integer> {
        @ParentCommand
        PlanCommand plan;
        @Option(names = "--unit", required = true, paramLabel = "CODE", description = "Đơn vị được giao.")
        String unit;
        @Option(names = "--figure", required = true, paramLabel = "MÃ", description = "Chỉ tiêu.")
        String figure;
        @Option(names = "--year", required = true, paramLabel = "N", description = "Năm kế hoạch.")
        int year;
        @Option(names = "--value", required = true, paramLabel = "GIÁ_TRỊ", description = "Giá trị, ví dụ 1.500.")
        String value;

        @Override
        public Integer call() {
            Target t = with(plan, ctx -> ctx.getBean(PlanningCycle.class).allocate(unit, figure, year, value,
                    Numbers.vi()::parse, user(), Source.CLI));
            print("Đã giao " + t.figureCode() + " — " + t.orgUnitCode() + " — " + year + ": " + target(t) + " ("
                    + t.issuer().label() + ", " + t.status().label() + ")\n");
            return 0;
        }
    }

    @Command(name = "adopt", mixinStandardHelpOptions = true,
            description = {"Thông qua kế hoạch năm N của đơn vị theo nghị quyết: các chỉ tiêu dự thảo của đơn vị và chỉ",
                    "tiêu đã giao cho các đơn vị trực thuộc trở thành đã giao và bị khóa (chỉ thay đổi bằng điều chỉnh)."})
    static class Adopt implements Callable<Integer> {
        @ParentCommand
        PlanCommand plan;
        @Option(names = "--unit", required = true, paramLabel = "CODE", description = "Đơn vị có kế hoạch được thông qua.")
        String unit;
        @Option(names = "--year", required = true, paramLabel = "N", description = "Năm kế hoạch.")
        int year;
        @Option(names = "--resolution", required = true, paramLabel = "NGHỊ_QUYẾT", description = "Ví dụ \"Nghị quyết số 45/NQ-HĐND ngày 10/12/2026\".")
        String resolution;
        @Option(names = "--date", required = true, paramLabel = "NGÀY", description = "Ngày thông qua (có hiệu lực).")
        String date;
        @Option(names = "--issuer", paramLabel = "CƠ_QUAN", description = "Cơ quan ban hành, ví dụ \"HĐND tỉnh\".")
        String issuer;

        @Override
        public Integer call() {
            LocalDate d = date(date, "--date");
            List<Target> adopted = with(plan, ctx -> ctx.getBean(PlanningCycle.class).adopt(unit, year, resolution, d,
                    issuer, user(), Source.CLI));
            print("Đã thông qua " + adopted.size() + " chỉ tiêu năm " + year + " theo " + adopted.get(0).decision()
                    + "\n");
            return 0;
        }
    }

    @Command(name = "adjust", mixinStandardHelpOptions = true,
            description = {"Điều chỉnh một chỉ tiêu đã thông qua: phiên bản mới với quyết định điều chỉnh và ngày có hiệu",
                    "lực; so sánh theo --as-of dùng phiên bản có hiệu lực ngày đó."})
    static class Adjust implements Callable<Integer> {
        @ParentCommand
        PlanCommand plan;
        @Option(names = "--unit", required = true, paramLabel = "CODE", description = "Đơn vị.")
        String unit;
        @Option(names = "--figure", required = true, paramLabel = "MÃ", description = "Chỉ tiêu.")
        String figure;
        @Option(names = "--year", required = true, paramLabel = "N", description = "Năm kế hoạch.")
        int year;
        @Option(names = "--value", required = true, paramLabel = "GIÁ_TRỊ", description = "Giá trị mới, ví dụ 1.400.")
        String value;
        @Option(names = "--decision", required = true, paramLabel = "QUYẾT_ĐỊNH", description = "Nghị quyết (quyết định) điều chỉnh.")
        String decision;
        @Option(names = "--from", required = true, paramLabel = "NGÀY", description = "Ngày chỉ tiêu điều chỉnh có hiệu lực.")
        String from;
        @Option(names = "--issuer", paramLabel = "CẤP", description = "Cấp giao của chỉ tiêu, khi đơn vị có nhiều chỉ tiêu đã thông qua cùng mã.")
        String issuer;

        @Override
        public Integer call() {
            LocalDate d = date(from, "--from");
            Target t = with(plan, ctx -> ctx.getBean(PlanningCycle.class).adjust(unit, figure, year, value, issuer,
                    decision, d, Numbers.vi()::parse, user(), Source.CLI));
            print("Đã điều chỉnh " + t.figureCode() + " — " + t.orgUnitCode() + " — " + year + ": " + target(t)
                    + " từ " + Numbers.vi().date(d) + " (" + t.decision() + ")\n");
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Tình hình chu trình kế hoạch năm N: mỗi đơn vị trực thuộc một dòng (mã, tên, giai đoạn, số đề xuất, gửi lúc).")
    static class Status implements Callable<Integer> {
        enum Format { table, csv, json }

        @ParentCommand
        PlanCommand plan;
        @Option(names = "--unit", required = true, paramLabel = "CODE", description = "Đơn vị cấp trên.")
        String unit;
        @Option(names = "--year", required = true, paramLabel = "N", description = "Năm kế hoạch.")
        int year;
        @Option(names = "--format", defaultValue = "table", description = "table, csv hoặc json. Mặc định: ${DEFAULT-VALUE}.")
        Format format;

        record Line(String code, String name, String stage, String stageLabel, int proposals, String submittedAt,
                    String submittedBy, int allocated, String returnReason) {
        }

        @Override
        public Integer call() {
            String text = with(plan, ctx -> {
                PlanningCycle cycles = ctx.getBean(PlanningCycle.class);
                var u = ctx.getBean(OrgUnits.class).require(unit);
                List<PlanStatus> lines = cycles.status(unit, year);
                var cycle = cycles.find(u, year);
                List<Line> rows = lines.stream().map(s -> new Line(s.unit().code(), s.unit().name(), s.stage().name(),
                        s.stage().label(), s.proposals(), s.submittedAt() == null ? null : s.submittedAt().toString(),
                        s.submittedBy(), s.allocated(), s.returnReason())).toList();
                return switch (format) {
                    case json -> JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                            .writeValueAsString(rows) + "\n";
                    case csv -> Csv.write(List.of("unit", "name", "stage", "stage_label", "proposals", "submitted_at",
                            "submitted_by", "allocated", "return_reason"), rows.stream().<List<?>>map(r -> Arrays.asList(
                            r.code(), r.name(), r.stage(), r.stageLabel(), r.proposals(), r.submittedAt(),
                            r.submittedBy(), r.allocated(), r.returnReason())).toList());
                    case table -> {
                        List<List<String>> cells = new ArrayList<>();
                        for (PlanStatus s : lines) {
                            cells.add(List.of(s.unit().code(), s.unit().name(), s.stage().label(),
                                    String.valueOf(s.proposals()),
                                    s.submittedAt() == null ? "" : Numbers.vi().dateTime(s.submittedAt()),
                                    s.returnReason() == null ? "" : "trả lại: " + s.returnReason()));
                        }
                        yield u.name() + " — kế hoạch năm " + year + ": " + cycle.map(c -> "hạn đề xuất "
                                + Numbers.vi().date(c.deadline()) + ", " + c.figures().size() + " chỉ tiêu")
                                .orElse("chưa mở chu trình") + "\n"
                                + TextTable.render(List.of("Mã", "Đơn vị", "Giai đoạn", "Số đề xuất", "Gửi lúc", "Ghi chú"),
                                cells, Set.of(3));
                    }
                };
            });
            print(text);
            return 0;
        }
    }
}
