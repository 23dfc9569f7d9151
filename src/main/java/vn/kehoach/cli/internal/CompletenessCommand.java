package vn.kehoach.cli.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.kehoach.approval.ApprovalWorkflow;
import vn.kehoach.approval.Completeness;
import vn.kehoach.dataset.DataSet;
import vn.kehoach.dataset.DataSets;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;

/**
 * {@code kehoach completeness}: the completeness of a form for a period (tình hình nộp báo cáo) over the units under
 * one, as the approvals page shows it; {@code --format csv} writes the same CSV as the page's download.
 */
@Command(name = "completeness", mixinStandardHelpOptions = true,
        description = {"Tình hình nộp báo cáo của một biểu và kỳ: trạng thái, số dòng đã nhập, gửi lúc, đúng hạn hay muộn",
                "của từng đơn vị thuộc một đơn vị, như trang Phê duyệt.",
                "Ví dụ: kehoach completeness --unit HALANG --period 2021S1 --form NN_6T_XA --format csv > hoan-thanh.csv"})
class CompletenessCommand implements Callable<Integer> {

    enum Format { table, csv }

    @ParentCommand
    KeHoachCommand parent;

    @Option(names = "--unit", paramLabel = "CODE",
            description = "Mã đơn vị. Mặc định: đơn vị cấp cao nhất khi cơ sở dữ liệu chỉ có một; có nhiều thì bắt buộc.")
    String unit;
    @Option(names = "--period", required = true, paramLabel = "ID", description = "Kỳ báo cáo: 2021S1, 2021Q3, 202106, 2021…")
    String period;
    @Option(names = "--form", paramLabel = "CODE",
            description = "Mã biểu (kehoach form list). Mặc định: biểu đầu tiên mà một đơn vị thuộc --unit báo cáo.")
    String form;
    @Option(names = "--format", defaultValue = "table", description = "table hoặc csv. Mặc định: ${DEFAULT-VALUE}.")
    Format format;
    @Mixin
    SeparatorOption separator;

    @Override
    public Integer call() {
        Period p = Period.parse(period);
        try (ConfigurableApplicationContext ctx = Boot.start(parent, false, Map.of())) {
            OrgUnit root = UnitChoice.of(ctx, unit);
            DataSets forms = ctx.getBean(DataSets.class);
            DataSet chosen = form != null ? forms.require(form)
                    : forms.reportedWithin(ctx.getBean(OrgUnits.class).subtree(root)).stream().findFirst()
                    .orElseThrow(() -> new KeHoachCommand.UserError("Không đơn vị nào thuộc " + root.name()
                            + " báo cáo biểu nào (kehoach form list)"));
            Completeness c = ctx.getBean(ApprovalWorkflow.class).completeness(chosen, root, p);
            TasksCommand.out(switch (format) {
                case csv -> separator.apply(c.csv());
                case table -> table(c, root);
            });
        }
        return 0;
    }

    private static String table(Completeness c, OrgUnit root) {
        Numbers vi = Numbers.vi();
        List<List<String>> rows = c.lines().stream().map(l -> List.of(l.unit().code(), TextTable.cut(l.unit().name(), 30),
                l.approval().state().label(), l.entered() + "/" + l.expected(), vi.dateTime(l.approval().submittedAt()),
                l.timeliness())).toList();
        return c.form().code() + " — " + c.form().name() + ", " + c.period().label() + ", " + root.name()
                + "; hạn nộp " + vi.date(c.dueDate()) + "\n"
                + TextTable.render(List.of("Mã", "Đơn vị", "Trạng thái", "Đã nhập", "Gửi lúc", "Đúng hạn"), rows, Set.of(3))
                + "Đã gửi " + c.submitted() + "/" + c.lines().size() + " đơn vị (đúng hạn " + c.submittedOnTime()
                + ") · đã duyệt " + c.approved() + " · bị trả lại " + c.returned() + "\n";
    }
}
