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
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.validation.ValidationRules;
import vn.kehoach.validation.Violation;

/** {@code kehoach validate}: the validation report of a unit's subtree for a period, as the report page shows it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Kiểm tra số liệu của một đơn vị và các đơn vị trực thuộc trong một kỳ: các quy tắc kiểm tra",
                "và so sánh với cùng kỳ các năm trước. Mã thoát 3 khi có lỗi nghiêm trọng."})
class ValidateCommand implements Callable<Integer> {

    /** The exit code when a rule of high importance fails. */
    static final int VIOLATIONS = 3;

    @ParentCommand
    KeHoachCommand parent;

    @Option(names = "--unit", required = true, paramLabel = "CODE", description = "Mã đơn vị, ví dụ HALANG.")
    String unit;

    @Option(names = "--period", required = true, paramLabel = "ID", description = "Kỳ: 2021S1, 2021, 202106…")
    String period;

    @Override
    public Integer call() {
        Period p = Period.parse(period);
        try (ConfigurableApplicationContext ctx = Boot.start(parent, false, Map.of())) {
            OrgUnit root = ctx.getBean(OrgUnits.class).require(unit);
            List<Violation> found = ctx.getBean(ValidationRules.class).checkSubtree(root, p);
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            String current = null;
            for (Violation v : found) {
                if (!v.orgUnitName().equals(current)) {
                    current = v.orgUnitName();
                    out.println(current + " (" + v.orgUnitCode() + ")");
                }
                out.println("  [" + v.importance().label() + "] " + v.message());
                out.println("      " + v.detail() + "  {" + v.ruleCode() + "}");
            }
            long high = found.stream().filter(v -> v.importance().blocksSubmission()).count();
            out.println(root.name() + ", " + p.label() + ": " + (found.isEmpty() ? "không có vi phạm nào"
                    : high + " lỗi nghiêm trọng, " + (found.size() - high) + " cảnh báo"));
            out.flush();
            return high > 0 ? VIOLATIONS : 0;
        }
    }
}
