package vn.kehoach.cli.internal;

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
import vn.kehoach.format.Numbers;
import vn.kehoach.comparison.Selections;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.period.Period;
import vn.kehoach.project.BudgetLine;
import vn.kehoach.project.BudgetLineRow;
import vn.kehoach.project.BudgetLines;
import vn.kehoach.project.BudgetRow;
import vn.kehoach.project.BudgetSide;
import vn.kehoach.project.BudgetTree;
import vn.kehoach.target.Issuer;

/** {@code kehoach budget}: the revenue and expenditure tree of a unit and period against each issuer's estimate. */
@Command(name = "budget", mixinStandardHelpOptions = true,
        description = {"Thu, chi ngân sách theo cây dòng ngân sách: thực hiện, dự toán của từng cấp giao, %% dự toán.",
                "kehoach budget line: thêm hoặc sửa một dòng của cây. Dự toán của một cấp giao là chỉ tiêu kế hoạch",
                "của dòng đó: kehoach target set --figure MÃ_DÒNG --issuer CẤP …"},
        subcommands = BudgetCommand.Line.class)
class BudgetCommand implements Callable<Integer> {

    enum Format { table, csv, json }

    @ParentCommand
    KeHoachCommand parent;

    @Option(names = "--unit", paramLabel = "CODE",
            description = "Mã đơn vị. Mặc định: đơn vị cấp cao nhất khi cơ sở dữ liệu chỉ có một; có nhiều thì bắt buộc.")
    String unit;
    @Option(names = "--period", paramLabel = "ID", description = "Kỳ. Mặc định: kỳ gần nhất có số liệu của đơn vị.")
    String period;
    @Option(names = "--format", defaultValue = "table", description = "table, csv hoặc json. Mặc định: ${DEFAULT-VALUE}.")
    Format format;

    @Override
    public Integer call() {
        Period asked = period == null ? null : Period.parse(period);
        try (ConfigurableApplicationContext ctx = Boot.start(parent, false, Map.of())) {
            OrgUnit u = UnitChoice.of(ctx, unit);
            Period p = asked != null ? asked : ctx.getBean(Selections.class).latestPeriod(u)
                    .orElseThrow(() -> new KeHoachCommand.UserError(u.name()
                            + " chưa có số liệu hay chỉ tiêu nào: hãy chọn kỳ bằng --period"));
            BudgetTree tree = ctx.getBean(BudgetLines.class).tree(u.code(), p);
            TasksCommand.out(switch (format) {
                case csv -> BudgetLineRow.csv(BudgetLineRow.of(tree));
                case json -> JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                        .writeValueAsString(BudgetLineRow.of(tree)) + "\n";
                case table -> table(tree);
            });
        }
        return 0;
    }

    static String table(BudgetTree tree) {
        Numbers vi = Numbers.vi();
        List<String> header = new ArrayList<>(List.of("Dòng ngân sách", "Thực hiện"));
        Set<Integer> numeric = new java.util.HashSet<>(Set.of(1));
        for (Issuer i : tree.issuers()) {
            numeric.add(header.size());
            header.add("Dự toán " + i.shortLabel());
            numeric.add(header.size());
            header.add("% DT " + i.shortLabel());
        }
        List<List<String>> rows = new ArrayList<>();
        boolean illustrative = false;
        for (BudgetRow r : tree.rows()) {
            List<String> cells = new ArrayList<>(List.of("  ".repeat(r.depth()) + TextTable.cut(r.name(), 50),
                    r.actual() == null ? "" : vi.format(r.actual(), r.decimals()) + " " + r.unitSymbol()));
            for (Issuer i : tree.issuers()) {
                var e = r.estimate(i);
                cells.add(e.map(x -> vi.format(x.estimate(), r.decimals()) + (x.illustrative() ? " *" : "")).orElse(""));
                cells.add(e.map(x -> vi.percent(x.pctOfPlan(), r.pctDecimals())).orElse(""));
                illustrative |= e.map(x -> x.illustrative()).orElse(false);
            }
            rows.add(cells);
        }
        return tree.unitName() + " (" + tree.unitCode() + ") — " + tree.period().label() + "\n"
                + TextTable.render(header, rows, numeric)
                + (illustrative ? "(*) dự toán suy ra từ tỷ lệ đạt dự toán mà báo cáo nêu (minh họa)\n" : "");
    }

    @Command(name = "line", mixinStandardHelpOptions = true,
            description = "Thêm hoặc sửa một dòng ngân sách: một chỉ tiêu trong danh mục, đặt ở phía thu hoặc chi, dưới "
                    + "một dòng cha; ghi vào nhật ký thay đổi.")
    static class Line implements Callable<Integer> {

        @ParentCommand
        BudgetCommand budget;
        @Option(names = "--figure", required = true, paramLabel = "MÃ", description = "Mã chỉ tiêu của dòng (có trong danh mục).")
        String figure;
        @Option(names = "--side", required = true, paramLabel = "PHÍA", description = "REVENUE (thu) hoặc EXPENDITURE (chi).")
        String side;
        @Option(names = "--parent", paramLabel = "MÃ", description = "Mã dòng cha (cùng phía); trống: dòng gốc.")
        String parentCode;
        @Option(names = "--label", description = "Tên dòng trong bảng ngân sách; trống: tên chỉ tiêu.")
        String label;
        @Option(names = "--order", defaultValue = "0", description = "Thứ tự giữa các dòng cùng cha.")
        int order;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext ctx = Boot.start(budget.parent, false, Map.of())) {
                BudgetLine saved = ctx.getBean(BudgetLines.class).save(new BudgetLine(figure, BudgetSide.parse(side),
                        parentCode, label, order));
                TasksCommand.out("Đã lưu dòng ngân sách " + saved.figureCode() + " (" + saved.side().label()
                        + (saved.parentCode() == null ? "" : ", thuộc " + saved.parentCode()) + ").\n");
            }
            return 0;
        }
    }
}
