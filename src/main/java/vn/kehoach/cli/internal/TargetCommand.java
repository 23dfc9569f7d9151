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
import vn.kehoach.audit.Source;
import vn.kehoach.catalog.Catalog;
import vn.kehoach.format.Csv;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.target.Direction;
import vn.kehoach.target.SumCheck;
import vn.kehoach.target.Target;
import vn.kehoach.target.TargetChecks;
import vn.kehoach.target.TargetInput;
import vn.kehoach.target.Targets;

/** {@code kehoach target set|check}: set a unit's target, and check that the targets of the units below make it. */
@Command(name = "target", mixinStandardHelpOptions = true,
        description = "Chỉ tiêu kế hoạch: giao một chỉ tiêu (set), kiểm tra phân bổ cho các đơn vị dưới (check).",
        subcommands = {TargetCommand.SetTarget.class, TargetCommand.Check.class})
class TargetCommand implements Runnable {

    @ParentCommand
    KeHoachCommand parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = {"Giao (hoặc sửa) chỉ tiêu của một đơn vị cho một kỳ; ghi vào nhật ký thay đổi.",
                    "Số viết kiểu Việt Nam: 7.220 là bảy nghìn hai trăm hai mươi, 8,5 là tám phẩy năm;",
                    "8.5 (không phải nhóm nghìn) cũng được đọc là 8,5."})
    static class SetTarget implements Callable<Integer> {

        @ParentCommand
        TargetCommand target;
        @Option(names = "--unit", required = true, paramLabel = "CODE", description = "Mã đơn vị, ví dụ HALANG.")
        String unit;
        @Option(names = "--figure", required = true, paramLabel = "CODE", description = "Mã chỉ tiêu, ví dụ BUFFALO_HERD.")
        String figure;
        @Option(names = "--period", required = true, paramLabel = "ID", description = "Năm kế hoạch hoặc kỳ: 2027, 2027S1…")
        String period;
        @Option(names = "--value", required = true, paramLabel = "SỐ", description = "Giá trị (cận dưới nếu là khoảng), ví dụ 7.220 hoặc 8,5.")
        String value;
        @Option(names = "--high", paramLabel = "SỐ", description = "Cận trên, chỉ cho --direction RANGE (\"8–9%%\": --value 8 --high 9).")
        String high;
        @Option(names = "--direction", paramLabel = "HƯỚNG", description = "AT_LEAST (\"đạt\"), ABOVE (\"trên\"), "
                + "AT_MOST (\"không quá\"), BELOW (\"dưới\"), ABOUT (\"khoảng\"), RANGE (\"từ … đến …\"). Mặc định: "
                + "AT_MOST cho chỉ tiêu càng thấp càng tốt (tỷ lệ hộ nghèo), AT_LEAST cho các chỉ tiêu khác.")
        String direction;
        @Option(names = "--issuer", paramLabel = "CẤP", description = "Cấp giao: CENTRAL, PROVINCE_COUNCIL, PROVINCE, "
                + "DISTRICT_COUNCIL, DISTRICT_COMMITTEE, COMMUNE_COUNCIL, COMMUNE_COMMITTEE. Mặc định: HĐND cùng cấp "
                + "của đơn vị (tỉnh → PROVINCE_COUNCIL, huyện → DISTRICT_COUNCIL, xã/phường/thị trấn → COMMUNE_COUNCIL); "
                + "đơn vị loại khác phải ghi.")
        String issuer;
        @Option(names = "--basis", paramLabel = "CÁCH", description = "LEVEL (mặc định: mức), CHANGE (mức thay đổi so "
                + "với năm trước), GROWTH_PCT (tốc độ tăng, %%).")
        String basis;
        @Option(names = "--status", paramLabel = "TRẠNG_THÁI", description = "ADOPTED (mặc định: đã giao), DRAFT (dự thảo) hoặc PROPOSED (dự kiến).")
        String status;
        @Option(names = "--decision", paramLabel = "VĂN_BẢN", description = "Văn bản giao, ví dụ \"Nghị quyết số 31/2020/NQ-HĐND ngày 18/12/2020\".")
        String decision;
        @Option(names = "--wording", paramLabel = "CÂU", description = "Câu chữ của kế hoạch, nếu có.")
        String wording;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext ctx = Boot.start(target.parent, false, Map.of())) {
                Targets targets = ctx.getBean(Targets.class);
                Target t = targets.read(new TargetInput(figure, unit, period, issuer, direction, basis, value, high,
                        status, decision, wording, null, null), Numbers.vi()::parse);
                Target stored = targets.save(t, System.getProperty("user.name"), Source.CLI);
                String unitName = ctx.getBean(OrgUnits.class).require(stored.orgUnitCode()).name();
                String unitOfMeasure = ctx.getBean(Catalog.class).unit(ctx.getBean(Catalog.class)
                        .figure(stored.figureCode()).unitCode()).symbol();
                PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
                out.println("Đã giao " + stored.figureCode() + " — " + unitName + " — " + stored.period().id() + ": "
                        + (stored.direction() == Direction.RANGE ? "" : stored.direction().symbol() + " ")
                        + range(stored.value(), stored.valueHigh()) + " "
                        + unitOfMeasure + " (" + stored.issuer().label() + ", " + stored.status().label() + ")");
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Kiểm tra phân bổ: chỉ tiêu của đơn vị so với tổng chỉ tiêu các đơn vị trực thuộc cùng kỳ",
                    "(chỉ tiêu tính toán: tính lại theo công thức từ các thành phần). In một dòng cho mỗi chỉ tiêu lệch,",
                    "không kiểm được hoặc chưa phân bổ (--all: cả chỉ tiêu khớp). Mã thoát 1 khi có chỉ tiêu lệch, 0 khi",
                    "mọi chỉ tiêu đều khớp."})
    static class Check implements Callable<Integer> {
        enum Format { table, csv, json }

        @ParentCommand
        TargetCommand target;
        @Option(names = "--unit", required = true, paramLabel = "CODE", description = "Mã đơn vị cấp trên, ví dụ HALANG.")
        String unit;
        @Option(names = "--period", required = true, paramLabel = "ID", description = "Năm kế hoạch hoặc kỳ: 2027, 2021…")
        String period;
        @Option(names = "--format", defaultValue = "table", description = "table, csv hoặc json. Mặc định: ${DEFAULT-VALUE}.")
        Format format;
        @Option(names = "--all", description = "In cả các chỉ tiêu khớp.")
        boolean all;

        @Override
        public Integer call() {
            Period p = Period.parse(period);
            try (ConfigurableApplicationContext ctx = Boot.start(target.parent, false, Map.of())) {
                OrgUnit u = ctx.getBean(OrgUnits.class).require(unit);
                TargetChecks checks = ctx.getBean(TargetChecks.class);
                List<SumCheck> lines = checks.check(u, p);
                List<SumCheck> shown = all ? lines
                        : lines.stream().filter(l -> l.outcome() != SumCheck.Outcome.MATCH).toList();
                Catalog catalog = ctx.getBean(Catalog.class);
                PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
                switch (format) {
                    case csv -> out.print(csv(u, p, shown));
                    case json -> out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                            .writeValueAsString(shown));
                    case table -> out.print(table(u, p, lines, shown, checks.unitsBelow(u, p).size(), catalog));
                }
                out.flush();
                return lines.stream().anyMatch(l -> l.outcome() == SumCheck.Outcome.MISMATCH) ? 1 : 0;
            }
        }

        static String table(OrgUnit u, Period p, List<SumCheck> lines, List<SumCheck> shown, int unitsBelow,
                            Catalog catalog) {
            StringBuilder out = new StringBuilder();
            out.append(u.name()).append(" (").append(u.code()).append(") — ").append(p.label())
                    .append(": chỉ tiêu của đơn vị so với ").append(unitsBelow).append(" đơn vị trực thuộc\n");
            if (unitsBelow == 0) {
                return out.append("Không có đơn vị trực thuộc trong kỳ: không có gì để kiểm.\n").toString();
            }
            List<List<String>> rows = new ArrayList<>();
            for (SumCheck l : shown) {
                String symbol = catalog.findUnit(l.unitOfMeasure()).map(m -> m.symbol()).orElse("");
                rows.add(List.of(l.figureCode(), TextTable.cut(l.figureName(), 40), l.issuer().shortLabel(),
                        range(l.target(), l.targetHigh()), range(l.below(), l.belowHigh()),
                        signed(l.difference(), l.differenceHigh()), symbol, l.outcome().label(),
                        l.note()));
            }
            out.append(TextTable.render(List.of("Mã", "Chỉ tiêu", "Cấp giao", "Chỉ tiêu đơn vị", "Các đơn vị dưới",
                    "Chênh lệch", "ĐVT", "Kết quả", "Ghi chú"), rows, Set.of(3, 4, 5)));
            out.append("(Các đơn vị dưới: tổng chỉ tiêu, hoặc tỷ số tính lại theo công thức; chênh lệch = các đơn vị "
                    + "dưới − chỉ tiêu đơn vị)\n");
            out.append(count(lines, SumCheck.Outcome.MISMATCH)).append(" lệch, ")
                    .append(count(lines, SumCheck.Outcome.MATCH)).append(" khớp, ")
                    .append(count(lines, SumCheck.Outcome.UNCHECKABLE)).append(" không kiểm được, ")
                    .append(count(lines, SumCheck.Outcome.NOT_ALLOCATED)).append(" chưa phân bổ.\n");
            return out.toString();
        }

        static String csv(OrgUnit u, Period p, List<SumCheck> lines) {
            List<List<?>> rows = new ArrayList<>();
            for (SumCheck l : lines) {
                rows.add(List.of(u.code(), p.id(), l.figureCode(), l.figureName(), l.unitOfMeasure(), l.method().name(),
                        l.outcome().name(), l.issuer().name(), l.issuerBelow() == null ? "" : l.issuerBelow().name(),
                        Numbers.machine(l.target()), Numbers.machine(l.targetHigh()), Numbers.machine(l.below()),
                        Numbers.machine(l.belowHigh()), Numbers.machine(l.difference()),
                        Numbers.machine(l.differenceHigh()), l.unitsBelow(), l.unitsPlanned(),
                        String.join(" ", l.missing()), l.note()));
            }
            return Csv.write(List.of("unit", "period", "figure_code", "figure_name", "unit_of_measure", "method",
                    "outcome", "issuer", "issuer_below", "target", "target_high", "below", "below_high", "difference",
                    "difference_high", "units_below", "units_planned", "missing", "note"), rows);
        }

        private static long count(List<SumCheck> lines, SumCheck.Outcome outcome) {
            return lines.stream().filter(l -> l.outcome() == outcome).count();
        }

        private static String signed(BigDecimal low, BigDecimal high) {
            if (low == null) {
                return "";
            }
            return high == null ? sign(low) : sign(low) + " / " + sign(high);
        }

        private static String sign(BigDecimal v) {
            return (v.signum() > 0 ? "+" : "") + Numbers.vi().format(v);
        }
    }

    /** "7.220", or "7.000 – 7.500" for a range. */
    static String range(BigDecimal low, BigDecimal high) {
        if (low == null) {
            return "";
        }
        return high == null ? Numbers.vi().format(low)
                : Numbers.vi().format(low) + " – " + Numbers.vi().format(high);
    }
}
