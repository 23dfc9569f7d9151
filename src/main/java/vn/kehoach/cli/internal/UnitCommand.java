package vn.kehoach.cli.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
import vn.kehoach.format.Csv;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnitDraft;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.orgunit.OrgUnits;

/**
 * {@code kehoach unit}: org units from the command line — add one under its parent, list a tree. Moves, renames and
 * ends of units are reorganisations, dated with their decision: {@code kehoach reorganise}.
 */
@Command(name = "unit", mixinStandardHelpOptions = true,
        description = "Đơn vị hành chính và cơ quan: thêm, liệt kê. Chuyển, đổi tên, sáp nhập, giải thể: kehoach reorganise.",
        subcommands = {UnitCommand.Add.class, UnitCommand.ListUnits.class})
class UnitCommand implements Runnable {

    @ParentCommand
    KeHoachCommand parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Thêm một đơn vị dưới đơn vị cấp trên (mã đã có thì bị từ chối: đổi tên, chuyển, kết thúc "
                    + "bằng kehoach reorganise rename|move|dissolve).")
    static class Add implements Callable<Integer> {

        @ParentCommand
        UnitCommand unit;

        @Option(names = "--code", required = true, description = "Mã đơn vị (chữ in hoa không dấu), ví dụ MINHLONG.")
        String code;

        @Option(names = "--name", required = true, description = "Tên đơn vị, ví dụ \"Xã Minh Long\".")
        String name;

        @Option(names = "--kind", required = true, description = "Loại đơn vị: COUNTRY, PROVINCE, DISTRICT, COMMUNE, WARD, "
                + "TOWN, VILLAGE (thôn, bản, tổ dân phố), AGENCY (cơ quan), hoặc tên tiếng Việt (Xã, Phường…).")
        String kind;

        @Option(names = "--parent", required = true, description = "Mã đơn vị cấp trên.")
        String parentCode;

        @Option(names = "--valid-from", paramLabel = "yyyy-mm-dd", description = "Ngày có hiệu lực (không bắt buộc).")
        LocalDate validFrom;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext ctx = Boot.start(unit.parent, false, Map.of())) {
                OrgUnits orgUnits = ctx.getBean(OrgUnits.class);
                OrgUnitDraft draft = new OrgUnitDraft(code, name, OrgUnitKind.parse(kind), parentCode, validFrom, null);
                // The same creation as the page and the API: an unknown parent is named first, then a code taken.
                OrgUnit saved = orgUnits.create(draft);
                OrgUnit parent = orgUnits.require(saved.parentCode());
                System.out.println("Đã thêm " + saved.name() + " (" + saved.code() + ", " + saved.kind().label()
                        + ") thuộc " + parent.name() + " (" + parent.code() + ").");
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Liệt kê cây đơn vị (mỗi đơn vị sau đơn vị cấp trên, cùng cấp theo thứ tự hiển thị).")
    static class ListUnits implements Callable<Integer> {

        enum Format { table, csv, json }

        static final List<String> COLUMNS = List.of("code", "name", "kind", "parent", "valid_from", "valid_to", "level");

        @ParentCommand
        UnitCommand unit;

        @Option(names = "--root", description = "Mã đơn vị gốc của cây cần liệt kê (mặc định: mọi đơn vị gốc).")
        String root;

        @Option(names = "--format", defaultValue = "table", description = "table, csv hoặc json. Mặc định: ${DEFAULT-VALUE}.")
        Format format;

        @Override
        public Integer call() throws Exception {
            try (ConfigurableApplicationContext ctx = Boot.start(unit.parent, false, Map.of())) {
                OrgUnits orgUnits = ctx.getBean(OrgUnits.class);
                List<OrgUnit> units = new ArrayList<>();
                for (OrgUnit top : root == null ? orgUnits.roots() : List.of(orgUnits.require(root))) {
                    units.addAll(orgUnits.subtree(top));
                }
                List<List<String>> rows = units.stream().map(ListUnits::row).toList();
                PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
                switch (format) {
                    case csv -> out.print(Csv.write(COLUMNS, rows));
                    case json -> out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                            .writeValueAsString(rows.stream().map(ListUnits::object).toList()));
                    case table -> out.print(TextTable.render(
                            List.of("Mã", "Tên", "Loại", "Cấp trên", "Hiệu lực từ", "Hiệu lực đến", "Cấp"),
                            units.stream().map(u -> List.of("  ".repeat(u.level() - 1) + u.code(), u.name(),
                                    u.kind().label(), text(u.parentCode()), text(u.validFrom()), text(u.validTo()),
                                    String.valueOf(u.level()))).toList(), Set.of(6)));
                }
                out.flush();
            }
            return 0;
        }

        private static List<String> row(OrgUnit u) {
            return Arrays.asList(u.code(), u.name(), u.kind().name(), text(u.parentCode()), text(u.validFrom()),
                    text(u.validTo()), String.valueOf(u.level()));
        }

        private static Map<String, Object> object(List<String> row) {
            Map<String, Object> o = new LinkedHashMap<>();
            for (int i = 0; i < COLUMNS.size(); i++) {
                String v = row.get(i);
                o.put(COLUMNS.get(i), COLUMNS.get(i).equals("level") ? Integer.valueOf(v) : v.isEmpty() ? null : v);
            }
            return o;
        }

        private static String text(Object value) {
            return value == null ? "" : value.toString();
        }
    }
}
