package vn.kehoach.cli.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.kehoach.comparison.Comparison;
import vn.kehoach.comparison.ComparisonEngine;
import vn.kehoach.comparison.ComparisonQuery;
import vn.kehoach.comparison.ComparisonRow;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;

/** {@code kehoach compare}: the comparison table of a unit and period, or of everything in the database. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"In bảng so sánh: thực hiện, kế hoạch, %% kế hoạch, cùng kỳ năm trước, %% so cùng kỳ, tình trạng.",
                "Không có --unit/--period thì in mọi so sánh trong cơ sở dữ liệu."})
class CompareCommand implements Callable<Integer> {

    enum Format { table, csv, json }

    @ParentCommand
    KeHoachCommand parent;

    @Option(names = "--unit", paramLabel = "CODE", description = "Mã đơn vị, ví dụ HALANG.")
    String unit;

    @Option(names = "--period", paramLabel = "ID", description = "Kỳ: 2021, 2021S1, 2021Q3, 202106, 2021YTD09, "
            + "vụ 2021DX (DX, HT, MUA, VD), năm sản xuất 2021CY, giai đoạn 2021-2025.")
    String period;

    @Option(names = "--base", paramLabel = "ID", description = "Kỳ gốc để so sánh, cùng loại với --period (mặc định: "
            + "cùng kỳ năm trước), ví dụ --period 2025S2 --base 2021S1. Cần --unit và --period.")
    String base;

    @Option(names = "--as-of", paramLabel = "NGÀY", description = "Số liệu như đã có vào cuối ngày này (yyyy-mm-dd, "
            + "giờ Việt Nam) hoặc thời điểm ISO (2022-03-31T10:00:00Z), theo nhật ký thay đổi: ước tính chưa sửa, "
            + "số chính thức chưa nhập. Cần --unit và --period.")
    String asOf;

    @Option(names = "--format", defaultValue = "table",
            description = "table (định dạng Việt Nam), csv hoặc json (số máy, dấu chấm thập phân). Mặc định: ${DEFAULT-VALUE}.")
    Format format;

    @picocli.CommandLine.Mixin
    SeparatorOption separator;

    @Override
    public Integer call() {
        Period p = period == null ? null : Period.parse(period);
        Period b = base == null ? null : Period.parse(base);
        java.time.Instant at = vn.kehoach.comparison.AsOf.parse(asOf);
        if ((b != null || at != null) && (unit == null || p == null)) {
            throw new IllegalArgumentException("--base và --as-of cần cả --unit và --period");
        }
        try (ConfigurableApplicationContext ctx = Boot.start(parent, false, Map.of())) {
            OrgUnit u = unit == null ? null : ctx.getBean(OrgUnits.class).require(unit);
            ComparisonEngine engine = ctx.getBean(ComparisonEngine.class);
            List<ComparisonQuery> queries = u != null ? List.of(ComparisonQuery.of(u, p).base(b).asOf(at))
                    : ctx.getBean(OrgUnits.class).roots().stream().map(r -> ComparisonQuery.below(r, null, p)).toList();
            List<Comparison> rows = queries.stream().flatMap(q -> engine.answer(q).stream()).toList();
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            switch (format) {
                case table -> out.print(ComparisonTable.render(rows));
                case csv -> out.print(separator.apply(csv(rows)));
                case json -> out.println(json(rows));
            }
            out.flush();
        }
        return 0;
    }

    static String csv(List<Comparison> rows) {
        return ComparisonRow.csv(rows.stream().map(ComparisonRow::of).toList());
    }

    static String json(List<Comparison> rows) {
        return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValueAsString(rows.stream().map(ComparisonRow::of).toList());
    }
}
