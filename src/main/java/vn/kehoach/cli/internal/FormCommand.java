package vn.kehoach.cli.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.kehoach.dataset.DataSet;
import vn.kehoach.dataset.DataSetElement;
import vn.kehoach.dataset.DataSets;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.period.PeriodType;

/** {@code kehoach form list|save}: the forms (biểu nhập liệu), listed and created or replaced. */
@Command(name = "form", mixinStandardHelpOptions = true,
        description = "Biểu nhập liệu: liệt kê (list), tạo hoặc thay một biểu (save).",
        subcommands = {FormCommand.ListForms.class, FormCommand.Save.class})
class FormCommand implements Runnable {

    @ParentCommand
    KeHoachCommand parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "In mọi biểu: mã, tên, kỳ, đơn vị báo cáo, hạn nộp, cấp duyệt, số chỉ tiêu.")
    static class ListForms implements Callable<Integer> {

        @ParentCommand
        FormCommand form;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext ctx = Boot.start(form.parent, false, Map.of())) {
                List<List<String>> rows = new ArrayList<>();
                for (DataSet f : ctx.getBean(DataSets.class).all()) {
                    rows.add(List.of(f.code(), TextTable.cut(f.name(), 50), f.periodType().label(), f.unitKindsLabel(),
                            f.dueDays() + " ngày", f.approverLabel(), String.valueOf(f.elements().size())));
                }
                TasksCommand.out(TextTable.render(List.of("Mã", "Tên biểu", "Kỳ", "Đơn vị báo cáo", "Hạn nộp sau kỳ",
                        "Duyệt", "Số chỉ tiêu"), rows, Set.of(6)));
            }
            return 0;
        }
    }

    @Command(name = "save", mixinStandardHelpOptions = true,
            description = {"Tạo biểu, hoặc thay biểu cùng mã (cả danh sách chỉ tiêu); ghi vào nhật ký thay đổi.",
                    "Ví dụ: kehoach form save --code NONG_NGHIEP --name \"Biểu nông nghiệp\" --period-type HALF_YEARLY",
                    "  --unit-kinds COMMUNE,WARD --due-days 10 --approver PROVINCE",
                    "  --element RICE_AREA:ACTUAL:required --element RICE_OUTPUT:ESTIMATE --section RICE_AREA=\"I. Trồng trọt\""})
    static class Save implements Callable<Integer> {

        @ParentCommand
        FormCommand form;
        @Option(names = "--code", required = true, description = "Mã biểu (chữ in hoa không dấu, số, '_').")
        String code;
        @Option(names = "--name", required = true, description = "Tên biểu.")
        String name;
        @Option(names = "--period-type", required = true, paramLabel = "LOẠI", description = "Loại kỳ: YEARLY, HALF_YEARLY, QUARTERLY, MONTHLY…")
        String periodType;
        @Option(names = "--unit-kinds", required = true, split = ",", paramLabel = "LOẠI", description = "Loại đơn vị báo cáo, cách nhau dấu phẩy: COMMUNE,WARD,TOWN,VILLAGE,AGENCY…")
        List<String> unitKinds;
        @Option(names = "--due-days", required = true, paramLabel = "NGÀY", description = "Hạn nộp: số ngày sau khi hết kỳ (âm: trước khi hết kỳ, như số ước).")
        int dueDays;
        @Option(names = "--approver", paramLabel = "LOẠI", description = "Loại đơn vị duyệt biểu (PROVINCE…). Mặc định: đơn vị cấp trên bất kỳ của đơn vị báo cáo.")
        String approver;
        @Option(names = "--description", description = "Mô tả.")
        String description;
        @Option(names = "--order", defaultValue = "0", description = "Thứ tự hiển thị.")
        int order;
        @Option(names = "--element", paramLabel = "MÃ[:LOẠI[:required]]", description = "Một chỉ tiêu của biểu, theo thứ tự; LOẠI là ACTUAL (mặc định) hoặc ESTIMATE; 'required': bắt buộc.")
        List<String> elements = new ArrayList<>();
        @Option(names = "--section", paramLabel = "MÃ=MỤC", description = "Mục của một chỉ tiêu, ví dụ RICE_AREA=\"I. Trồng trọt\".")
        Map<String, String> sections = new LinkedHashMap<>();

        @Override
        public Integer call() {
            Set<OrgUnitKind> kinds = EnumSet.noneOf(OrgUnitKind.class);
            unitKinds.forEach(k -> kinds.add(OrgUnitKind.parse(k)));
            PeriodType type;
            try {
                type = PeriodType.valueOf(periodType.strip().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new KeHoachCommand.UserError("--period-type '" + periodType + "' không có; dùng một trong "
                        + java.util.Arrays.toString(PeriodType.values()));
            }
            List<DataSetElement> lines = new ArrayList<>();
            for (String e : elements) {
                String[] parts = e.split(":");
                String element = parts[0].strip().toUpperCase();
                lines.add(new DataSetElement(element, parts.length > 1 && !parts[1].isBlank() ? ValueKind.parse(parts[1]) : null,
                        parts.length > 2 && parts[2].strip().equalsIgnoreCase("required"),
                        sections.entrySet().stream().filter(s -> s.getKey().equalsIgnoreCase(element))
                                .map(Map.Entry::getValue).findFirst().orElse(null)));
            }
            try (ConfigurableApplicationContext ctx = Boot.start(form.parent, false, Map.of())) {
                DataSet saved = ctx.getBean(DataSets.class).save(new DataSet(code.strip().toUpperCase(), name, type, kinds,
                        dueDays, description, order, lines, approver == null ? null : OrgUnitKind.parse(approver)));
                TasksCommand.out("Đã lưu biểu " + saved.code() + " — " + saved.name() + ": " + saved.elements().size()
                        + " chỉ tiêu, kỳ " + saved.periodType().label() + ", " + saved.unitKindsLabel().toLowerCase()
                        + " báo cáo, hạn nộp " + saved.dueDays() + " ngày sau kỳ, " + saved.approverLabel().toLowerCase()
                        + " duyệt.\n");
            }
            return 0;
        }
    }
}
