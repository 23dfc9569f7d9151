package vn.kehoach.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.project.CapitalSource;
import vn.kehoach.project.Programme;
import vn.kehoach.project.ProjectFilter;
import vn.kehoach.project.ProjectKind;
import vn.kehoach.project.ProjectProgress;
import vn.kehoach.project.ProjectRow;
import vn.kehoach.project.ProjectStatus;
import vn.kehoach.project.Projects;
import vn.kehoach.format.Csv;

/** {@code kehoach projects list|export}: the public investment register with the figures of a plan year. */
@Command(name = "projects", mixinStandardHelpOptions = true,
        description = "Dự án đầu tư công: danh sách (list) và xuất CSV (export); số tiền: triệu đồng.",
        subcommands = {ProjectsCommand.ListCommand.class, ProjectsCommand.ExportCommand.class})
class ProjectsCommand {

    @ParentCommand
    KeHoachCommand parent;

    /** The options both sub-commands share. */
    static class Selection {
        @Option(names = "--year", description = "Năm kế hoạch (mặc định: năm gần nhất có vốn).")
        Integer year;
        @Option(names = "--commune", paramLabel = "CODE", description = "Chỉ dự án nằm trên địa bàn đơn vị này.")
        String commune;
        @Option(names = "--kind", description = "Loại công trình: ${COMPLETION-CANDIDATES}.")
        ProjectKind kind;
        @Option(names = "--status", description = "Tình trạng: ${COMPLETION-CANDIDATES}.")
        ProjectStatus status;
        @Option(names = "--source", description = "Nguồn vốn: ${COMPLETION-CANDIDATES}.")
        CapitalSource source;
        @Option(names = "--as-of", paramLabel = "yyyy-mm-dd", description = "Giải ngân đến ngày (mặc định: hôm nay hoặc cuối năm).")
        LocalDate asOf;

        record Result(List<ProjectProgress> progress, Programme programme) {
        }

        Result read(ConfigurableApplicationContext ctx) {
            Projects projects = ctx.getBean(Projects.class);
            int y = year != null ? year : projects.years().stream().findFirst().orElse(LocalDate.now(Numbers.VIETNAM).getYear());
            LocalDate end = LocalDate.of(y, 12, 31);
            LocalDate at = asOf != null ? asOf : LocalDate.now(Numbers.VIETNAM).isBefore(end) ? LocalDate.now(Numbers.VIETNAM) : end;
            var list = projects.list(new ProjectFilter(y, commune, kind, status, source));
            String unit = commune != null ? commune : ctx.getBean(OrgUnits.class).roots().get(0).code();
            return new Result(projects.progress(list, y, at), projects.programme(unit, y, at));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "In danh sách dự án với vốn, giải ngân, tỷ lệ của năm.")
    static class ListCommand implements Callable<Integer> {
        enum Format { table, csv, json }

        @ParentCommand
        ProjectsCommand projects;
        @Mixin
        Selection selection;
        @Option(names = "--format", defaultValue = "table", description = "table, csv hoặc json. Mặc định: ${DEFAULT-VALUE}.")
        Format format;
        @Mixin
        SeparatorOption separator;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext ctx = Boot.start(projects.parent, false, Map.of())) {
                Selection.Result r = selection.read(ctx);
                List<ProjectRow> rows = r.progress().stream().map(ProjectRow::of).toList();
                PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
                switch (format) {
                    case csv -> out.print(separator.apply(ProjectRow.csv(rows)));
                    case json -> out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                            .writeValueAsString(rows));
                    case table -> out.print(table(r));
                }
                out.flush();
            }
            return 0;
        }

        static String table(Selection.Result r) {
            Numbers vi = Numbers.vi();
            List<List<String>> rows = r.progress().stream().map(p -> List.of(p.project().code(),
                    TextTable.cut(p.project().name(), 48), TextTable.cut(p.project().placeNames(), 30),
                    p.project().status().label(), vi.format(p.allocated()), vi.format(p.disbursed()),
                    p.rate() == null ? "" : vi.percent(p.rate(), 1), p.project().illustrative() ? "*" : "")).toList();
            Programme g = r.programme();
            String summary = "Năm " + g.year() + ", đến ngày " + vi.date(g.asOf()) + " (" + g.unitName() + "): vốn giao "
                    + vi.format(g.allocated().movePointLeft(3), 3) + " tỷ đồng; giải ngân "
                    + vi.format(g.disbursed().movePointLeft(3), 3) + " tỷ đồng, đạt " + vi.percent(g.rate(), 1)
                    + " KH; " + g.handedOver() + " công trình bàn giao; " + g.behind().size() + " dự án chậm tiến độ.\n";
            return TextTable.render(List.of("Mã", "Tên công trình", "Xã", "Tình trạng", "Vốn giao", "Giải ngân", "Tỷ lệ", ""),
                    rows, Set.of(4, 5, 6)) + "(số tiền: triệu đồng; * phân chia minh họa)\n" + summary;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Xuất danh sách dự án ra CSV (tệp hoặc màn hình).")
    static class ExportCommand implements Callable<Integer> {
        @ParentCommand
        ProjectsCommand projects;
        @Mixin
        Selection selection;
        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Tệp CSV (mặc định: in ra màn hình).")
        Path output;
        @Mixin
        SeparatorOption separator;

        @Override
        public Integer call() throws IOException {
            try (ConfigurableApplicationContext ctx = Boot.start(projects.parent, false, Map.of())) {
                String csv = separator.apply(ProjectRow.csv(selection.read(ctx).progress().stream().map(ProjectRow::of).toList()));
                if (output == null) {
                    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
                    out.print(csv);
                    out.flush();
                } else {
                    // A file is opened in a spreadsheet: it begins with the byte order mark (standard output does not).
                    Files.write(output, Csv.file(csv));
                    System.out.println("Đã ghi " + (csv.lines().count() - 1) + " dự án vào " + output);
                }
            }
            return 0;
        }
    }
}
