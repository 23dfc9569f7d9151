package vn.kehoach.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.kehoach.dataset.DataSets;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.validation.RuleInput;
import vn.kehoach.validation.ValidationRule;
import vn.kehoach.validation.ValidationRules;
import vn.kehoach.validation.Violation;

/** {@code kehoach rule list|preview|save}: validation rules, with a preview of what a rule flags before it is saved. */
@Command(name = "rule", mixinStandardHelpOptions = true,
        description = "Quy tắc kiểm tra số liệu: liệt kê (list), xem trước trên số liệu đã có (preview), lưu (save).",
        subcommands = {RuleCommand.ListRules.class, RuleCommand.Preview.class, RuleCommand.Save.class})
class RuleCommand implements Runnable {

    @ParentCommand
    KeHoachCommand parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The fields of a rule, as for the rules page. */
    static class RuleOptions {
        @Option(names = "--code", required = true, description = "Mã quy tắc.")
        String code;
        @Option(names = "--name", required = true, description = "Tên quy tắc.")
        String name;
        @Option(names = "--left", required = true, paramLabel = "BIỂU_THỨC", description = "Vế trái, biểu thức theo mã chỉ tiêu, ví dụ PIG_HERD.")
        String left;
        @Option(names = "--operator", required = true, description = "Phép so sánh: =, !=, <, <=, >, >=, ~= (xấp xỉ).")
        String operator;
        @Option(names = "--right", required = true, paramLabel = "BIỂU_THỨC", description = "Vế phải, ví dụ 0 hoặc RICE_YIELD * RICE_AREA / 10.")
        String right;
        @Option(names = "--right-at", paramLabel = "UNIT|PARENT", description = "Vế phải đọc ở cùng đơn vị (UNIT, mặc định) hay đơn vị cấp trên (PARENT).")
        String rightAt;
        @Option(names = "--tolerance", paramLabel = "PHẦN_TRĂM", description = "Sai số cho phép của ~=, tính bằng %%, ví dụ 1 hoặc 0,5.")
        String tolerance;
        @Option(names = "--importance", defaultValue = "HIGH", description = "HIGH, MEDIUM hoặc LOW. Mặc định: ${DEFAULT-VALUE}.")
        String importance;
        @Option(names = "--message", required = true, description = "Thông báo cho người nhập khi quy tắc không đạt.")
        String message;
        @Option(names = "--left-label", description = "Tên vế trái trong báo cáo.")
        String leftLabel;
        @Option(names = "--right-label", description = "Tên vế phải trong báo cáo.")
        String rightLabel;
        @Option(names = "--order", description = "Thứ tự hiển thị.")
        String order;

        RuleInput input() {
            return new RuleInput(code, name, left, leftLabel, operator, right, rightLabel, rightAt, tolerance,
                    importance, message, order);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "In mọi quy tắc, hoặc các quy tắc đọc chỉ tiêu của một biểu.")
    static class ListRules implements Callable<Integer> {
        @ParentCommand
        RuleCommand rule;
        @Option(names = "--form", paramLabel = "MÃ", description = "Mã biểu.")
        String form;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext ctx = Boot.start(rule.parent, false, Map.of())) {
                ValidationRules rules = ctx.getBean(ValidationRules.class);
                List<ValidationRule> list = form == null ? rules.all() : rules.ofForm(ctx.getBean(DataSets.class).require(form));
                List<List<String>> rows = new ArrayList<>();
                for (ValidationRule r : list) {
                    rows.add(List.of(r.code(), TextTable.cut(r.name(), 40), r.leftSide() + " " + r.operator().symbol() + " "
                            + r.rightSide() + (r.rightSideAt().name().equals("PARENT") ? " (cấp trên)" : ""),
                            r.importance().label()));
                }
                TasksCommand.out(TextTable.render(List.of("Mã", "Tên", "Biểu thức", "Mức độ"), rows, Set.of()));
            }
            return 0;
        }
    }

    @Command(name = "preview", mixinStandardHelpOptions = true,
            description = {"Xem trước: quy tắc (chưa lưu) sẽ báo gì trên số liệu đã có của đơn vị và các đơn vị trực thuộc.",
                    "Một dòng cho mỗi đơn vị, kỳ không đạt: hai vế và thông báo. Không ghi gì vào cơ sở dữ liệu."})
    static class Preview implements Callable<Integer> {
        @ParentCommand
        RuleCommand rule;
        @Mixin
        RuleOptions options;
        @Option(names = "--unit", required = true, paramLabel = "MÃ", description = "Đơn vị gốc của phần số liệu xem trước.")
        String unit;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext ctx = Boot.start(rule.parent, false, Map.of())) {
                ValidationRules rules = ctx.getBean(ValidationRules.class);
                ValidationRule r = rules.read(options.input());
                OrgUnit root = ctx.getBean(OrgUnits.class).require(unit);
                List<Violation> found = rules.preview(r, root);
                List<List<String>> rows = new ArrayList<>();
                for (Violation v : found) {
                    rows.add(List.of(v.orgUnitName(), v.period().id(), v.detail(), v.message()));
                }
                TasksCommand.out("Quy tắc " + r.code() + " trên số liệu của " + root.name() + ": " + found.size()
                        + " vi phạm\n" + (rows.isEmpty() ? "" : TextTable.render(List.of("Đơn vị", "Kỳ", "Hai vế",
                        "Thông báo"), rows, Set.of())));
            }
            return 0;
        }
    }

    @Command(name = "save", mixinStandardHelpOptions = true, description = "Tạo quy tắc, hoặc thay quy tắc cùng mã; ghi vào nhật ký thay đổi.")
    static class Save implements Callable<Integer> {
        @ParentCommand
        RuleCommand rule;
        @Mixin
        RuleOptions options;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext ctx = Boot.start(rule.parent, false, Map.of())) {
                ValidationRules rules = ctx.getBean(ValidationRules.class);
                ValidationRule saved = rules.save(rules.read(options.input()));
                TasksCommand.out("Đã lưu quy tắc " + saved.code() + " — " + saved.name() + ": " + saved.leftSide() + " "
                        + saved.operator().symbol() + " " + saved.rightSide() + "\n");
            }
            return 0;
        }
    }
}
