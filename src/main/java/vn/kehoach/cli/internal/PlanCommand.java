package vn.kehoach.cli.internal;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.kehoach.comparison.Cells;
import vn.kehoach.comparison.FiveYearPlans;
import vn.kehoach.comparison.Selections;
import vn.kehoach.comparison.FiveYearProgress;
import vn.kehoach.comparison.FiveYearRow;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.period.Period;

/** {@code kehoach plan progress}: the five-year targets of a unit, how far each has come, and the yearly cascade. */
@Command(name = "plan", mixinStandardHelpOptions = true, description = {"Kế hoạch 5 năm: tiến độ (progress).",
        "Chu trình kế hoạch năm: open, propose, submit, return, allocate, adopt, adjust, status."},
        subcommands = {PlanCommand.ProgressCommand.class, PlanCycleCommands.Open.class, PlanCycleCommands.Propose.class,
                PlanCycleCommands.Submit.class, PlanCycleCommands.Return.class, PlanCycleCommands.Allocate.class,
                PlanCycleCommands.Adopt.class, PlanCycleCommands.Adjust.class, PlanCycleCommands.Status.class})
class PlanCommand {

    enum Format { table, csv, json }

    @ParentCommand
    KeHoachCommand parent;

    @Command(name = "progress", mixinStandardHelpOptions = true,
            description = {"Tiến độ thực hiện các chỉ tiêu kế hoạch 5 năm: năm gốc, năm gần nhất, % mục tiêu,",
                    "tăng bình quân/năm, mức tăng cần đạt mỗi năm còn lại, và chỉ tiêu từng năm."})
    static class ProgressCommand implements Callable<Integer> {
        @ParentCommand
        PlanCommand plan;
        @Option(names = "--unit", paramLabel = "CODE", description = "Mã đơn vị, ví dụ HALANG. Mặc định: đơn vị cấp cao"
                + " nhất khi cơ sở dữ liệu chỉ có một; có nhiều thì bắt buộc.")
        String unit;
        @Option(names = "--period", paramLabel = "ID",
                description = "Giai đoạn 5 năm, ví dụ 2021-2025. Mặc định: giai đoạn chứa kỳ có số liệu gần nhất của đơn vị.")
        String period;
        @Option(names = "--format", defaultValue = "table", description = "table, csv hoặc json. Mặc định: ${DEFAULT-VALUE}.")
        Format format;

        @Override
        public Integer call() {
            Period asked = period == null ? null : Period.parse(period);
            try (ConfigurableApplicationContext ctx = Boot.start(plan.parent, false, Map.of())) {
                OrgUnit u = UnitChoice.of(ctx, unit);
                Period p = asked != null ? asked : ctx.getBean(Selections.class).fiveYears(u);
                List<FiveYearProgress> list = ctx.getBean(FiveYearPlans.class).progress(u, p);
                PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
                List<FiveYearRow> rows = list.stream().map(FiveYearRow::of).toList();
                out.print(switch (format) {
                    case table -> table(list, p);
                    case csv -> FiveYearRow.csv(rows);
                    case json -> JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                            .writeValueAsString(rows) + "\n";
                });
                out.flush();
            }
            return 0;
        }
    }

    static String table(List<FiveYearProgress> list, Period plan) {
        if (list.isEmpty()) {
            return "Không có chỉ tiêu kế hoạch 5 năm nào cho " + plan.label().toLowerCase() + ".\n";
        }
        Numbers vi = Numbers.vi();
        List<List<String>> rows = new ArrayList<>();
        StringBuilder notes = new StringBuilder();
        boolean illustrative = false;
        for (FiveYearProgress f : list) {
            int d = f.figure().decimals();
            String unit = f.measure() == null ? "" : f.measure().symbol();
            rows.add(List.of(f.figure().code(), TextTable.cut(f.figure().name(), 40),
                    quantity(f.target().value(), d, unit) + (f.illustrative() ? " *" : ""),
                    f.baseValue() == null ? "" : f.baseYear() + ": " + quantity(f.baseValue(), d, unit),
                    f.latestYear() == null ? "" : f.latestYear() + ": " + quantity(f.latestValue(), d, unit),
                    f.standing(),
                    f.notComparable() != null ? "không so sánh được †" : vi.percent(f.averageGrowth(), 2),
                    FiveYearRow.change(f.requiredGrowth()),
                    f.status() == null ? "" : f.status().label()));
            for (FiveYearProgress.Year y : f.years()) {
                rows.add(List.of("", "  năm " + y.year(),
                        y.target() == null ? "" : quantity(y.target().value(), d, unit),
                        "", y.value() == null ? "" : quantity(y.value(), d, unit), y.standing(f.figure(), f.measure()), "", "",
                        y.status() == null ? "" : y.status().label()));
            }
            if (f.notComparable() != null) {
                notes.append("(†) ").append(f.figure().code()).append(": ").append(f.notComparable()).append('\n');
            }
            illustrative |= f.illustrative();
        }
        return list.get(0).unit().name() + " — " + plan.label() + "\n"
                + TextTable.render(List.of("Mã", "Chỉ tiêu", "Mục tiêu 5 năm", "Năm gốc", "Gần nhất", "% mục tiêu",
                "Tăng BQ/năm", "Cần mỗi năm còn lại", "Tình trạng"), rows, Set.of(5, 6, 7)) + notes
                + (illustrative ? "(*) có số liệu hoặc chỉ tiêu minh họa.\n" : "");
    }

    private static String quantity(BigDecimal v, int decimals, String unit) {
        return Cells.quantity(v, decimals, unit);
    }
}
