package vn.kehoach.cli.internal;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.DataElement;
import vn.kehoach.catalog.ElementDraft;
import vn.kehoach.catalog.Indicator;
import vn.kehoach.catalog.IndicatorDraft;
import vn.kehoach.catalog.Sector;
import vn.kehoach.format.Csv;
import vn.kehoach.format.Numbers;

/**
 * {@code kehoach catalog list|add-sector|add-element|add-indicator}: the catalog from the command line, through the
 * same service as the page and the API (the same checks of a formula, the same audit trail).
 */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = "Danh mục chỉ tiêu: liệt kê (list), thêm hoặc sửa lĩnh vực (add-sector), chỉ tiêu thu thập "
                + "(add-element), chỉ tiêu tính toán (add-indicator).",
        subcommands = {CatalogCommand.ListCatalog.class, CatalogCommand.AddSector.class, CatalogCommand.AddElement.class,
                CatalogCommand.AddIndicator.class})
class CatalogCommand implements Runnable {

    @ParentCommand
    KeHoachCommand parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    <T> T inCatalog(Function<Catalog, T> action) {
        try (ConfigurableApplicationContext ctx = Boot.start(parent, false, Map.of())) {
            return action.apply(ctx.getBean(Catalog.class));
        }
    }

    private static PrintStream out() {
        return new PrintStream(System.out, true, StandardCharsets.UTF_8);
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Liệt kê lĩnh vực, chỉ tiêu thu thập hoặc chỉ tiêu tính toán.")
    static class ListCatalog implements Callable<Integer> {

        enum What { sectors, elements, indicators }

        enum Format { table, csv }

        @ParentCommand
        CatalogCommand catalog;

        @Option(names = "--what", defaultValue = "elements",
                description = "sectors, elements hoặc indicators. Mặc định: ${DEFAULT-VALUE}.")
        What what;

        @Option(names = "--format", defaultValue = "table", description = "table hoặc csv. Mặc định: ${DEFAULT-VALUE}.")
        Format format;

        @Override
        public Integer call() {
            List<List<String>> rows = new ArrayList<>();
            List<String> header = switch (what) {
                case sectors -> List.of("code", "name", "field");
                case elements -> List.of("code", "name", "unit", "value_type", "tree_aggregation", "time_aggregation",
                        "polarity", "sector", "min", "max");
                case indicators -> List.of("code", "name", "unit", "formula", "polarity", "sector");
            };
            catalog.inCatalog(c -> {
                switch (what) {
                    case sectors -> c.sectors().forEach(s -> rows.add(sector(s)));
                    case elements -> c.elements().forEach(e -> rows.add(element(e)));
                    case indicators -> c.indicators().forEach(i -> rows.add(indicator(i)));
                }
                return null;
            });
            PrintStream out = out();
            if (format == Format.csv) {
                out.print(Csv.write(header, rows));
            } else if (rows.isEmpty()) {
                out.println("Danh mục chưa có " + switch (what) {
                    case sectors -> "lĩnh vực";
                    case elements -> "chỉ tiêu thu thập";
                    case indicators -> "chỉ tiêu tính toán";
                } + " nào.");
            } else {
                out.print(TextTable.render(header, rows, Set.of()));
            }
            out.flush();
            return 0;
        }

        private static List<String> sector(Sector s) {
            return List.of(s.code(), s.name(), s.field() == null ? "" : s.field());
        }

        private static List<String> element(DataElement e) {
            return List.of(e.code(), e.name(), e.unitCode(), e.valueType().name(), e.treeAggregation().name(),
                    e.timeAggregation().name(), e.polarity().name(), text(e.sectorCode()), number(e.minValue()),
                    number(e.maxValue()));
        }

        private static List<String> indicator(Indicator i) {
            return List.of(i.code(), i.name(), i.unitCode(), i.formula(), i.polarity().name(), text(i.sectorCode()));
        }

        private static String text(String s) {
            return s == null ? "" : s;
        }

        private static String number(BigDecimal v) {
            return v == null ? "" : Numbers.machine(v);
        }
    }

    @Command(name = "add-sector", mixinStandardHelpOptions = true,
            description = "Thêm hoặc sửa một lĩnh vực (cán bộ kế hoạch, quản trị ở đơn vị gốc).")
    static class AddSector implements Callable<Integer> {

        @ParentCommand
        CatalogCommand catalog;

        @Option(names = "--code", required = true, description = "Mã lĩnh vực, ví dụ NN.")
        String code;

        @Option(names = "--name", required = true, description = "Tên, ví dụ \"Nông nghiệp\".")
        String name;

        @Option(names = "--field", description = "Nhóm lớn hơn, ví dụ \"Kinh tế\".")
        String field;

        @Override
        public Integer call() {
            Sector s = catalog.inCatalog(c -> c.saveSector(code, name, field, null));
            out().println("Đã lưu lĩnh vực " + s.name() + " (" + s.code() + ").");
            return 0;
        }
    }

    @Command(name = "add-element", mixinStandardHelpOptions = true,
            description = "Thêm hoặc sửa một chỉ tiêu thu thập (cán bộ kế hoạch, quản trị ở đơn vị gốc).")
    static class AddElement implements Callable<Integer> {

        @ParentCommand
        CatalogCommand catalog;

        @Option(names = "--code", required = true, description = "Mã chỉ tiêu (chữ in hoa không dấu, số, '_'), ví dụ RICE_AREA.")
        String code;
        @Option(names = "--name", required = true, description = "Tên chỉ tiêu.")
        String name;
        @Option(names = "--unit", required = true, description = "Mã đơn vị tính, ví dụ HA, TAN, NGUOI (kehoach export …/units).")
        String unit;
        @Option(names = "--value-type", description = "NUMBER (mặc định), INTEGER, PERCENT, BOOLEAN.")
        String valueType;
        @Option(names = "--tree", description = "Cộng theo đơn vị: SUM (mặc định), AVERAGE, MIN, MAX, NONE.")
        String tree;
        @Option(names = "--time", description = "Cộng theo thời gian: SUM (mặc định), LAST (số cuối kỳ), AVERAGE, NONE.")
        String time;
        @Option(names = "--polarity", description = "HIGHER_IS_BETTER (mặc định), LOWER_IS_BETTER, NEUTRAL.")
        String polarity;
        @Option(names = "--sector", description = "Mã lĩnh vực.")
        String sector;
        @Option(names = "--decimals", description = "Số chữ số thập phân khi in (mặc định 0).")
        Integer decimals;
        @Option(names = "--min", description = "Giá trị nhỏ nhất cho phép, ví dụ 0 hoặc 0,5.")
        String min;
        @Option(names = "--max", description = "Giá trị lớn nhất cho phép, ví dụ 100.")
        String max;
        @Option(names = "--description", description = "Mô tả, nguồn của chỉ tiêu.")
        String description;

        @Override
        public Integer call() {
            ElementDraft draft = new ElementDraft(code, name, unit, valueType, tree, time, null, polarity, sector,
                    decimals, null, null, description, number("--min", min), number("--max", max));
            DataElement e = catalog.inCatalog(c -> c.saveElement(draft));
            out().println("Đã lưu chỉ tiêu thu thập " + e.name() + " (" + e.code() + ", " + e.unitCode() + ").");
            return 0;
        }
    }

    @Command(name = "add-indicator", mixinStandardHelpOptions = true,
            description = {"Thêm hoặc sửa một chỉ tiêu tính toán. Công thức được kiểm tra trước khi lưu: lỗi cú pháp",
                    "(kèm vị trí), mã không có, vòng tròn, chia cho chỉ tiêu có thể bằng 0."})
    static class AddIndicator implements Callable<Integer> {

        @ParentCommand
        CatalogCommand catalog;

        @Option(names = "--code", required = true, description = "Mã chỉ tiêu, ví dụ RICE_YIELD.")
        String code;
        @Option(names = "--name", required = true, description = "Tên chỉ tiêu.")
        String name;
        @Option(names = "--unit", required = true, description = "Mã đơn vị tính của kết quả, ví dụ TA_HA.")
        String unit;
        @Option(names = "--formula", required = true, description = "Công thức, ví dụ \"RICE_OUTPUT / RICE_AREA * 10\".")
        String formula;
        @Option(names = "--polarity", description = "HIGHER_IS_BETTER (mặc định), LOWER_IS_BETTER, NEUTRAL.")
        String polarity;
        @Option(names = "--sector", description = "Mã lĩnh vực.")
        String sector;
        @Option(names = "--decimals", description = "Số chữ số thập phân khi in (mặc định 1).")
        Integer decimals;
        @Option(names = "--accept-zero-divisor",
                description = "Chấp nhận mẫu số có thể bằng 0: ở đơn vị có mẫu số bằng 0, chỉ tiêu không có giá trị.")
        boolean acceptZeroDivisor;
        @Option(names = "--description", description = "Mô tả, nguồn của chỉ tiêu.")
        String description;

        @Override
        public Integer call() {
            IndicatorDraft draft = new IndicatorDraft(code, name, unit, formula, polarity, sector, decimals, null, null,
                    null, description, acceptZeroDivisor);
            Indicator i = catalog.inCatalog(c -> c.saveIndicator(draft));
            out().println("Đã lưu chỉ tiêu tính toán " + i.name() + " (" + i.code() + " = " + i.formula() + ").");
            return 0;
        }
    }

    private static BigDecimal number(String option, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        BigDecimal v = Numbers.vi().parse(text);
        if (v == null) {
            throw new KeHoachCommand.UserError(option + ": '" + text + "' không phải là số");
        }
        return v;
    }
}
