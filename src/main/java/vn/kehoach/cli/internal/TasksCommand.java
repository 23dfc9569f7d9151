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
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.kehoach.format.Numbers;
import vn.kehoach.task.PlanTask;
import vn.kehoach.task.PlanTasks;
import vn.kehoach.task.TaskFilter;
import vn.kehoach.task.TaskRow;
import vn.kehoach.task.TaskStatus;
import vn.kehoach.format.Csv;

/** {@code kehoach tasks list|export|overdue}: the plan tasks, and those past their deadline and not done. */
@Command(name = "tasks", mixinStandardHelpOptions = true,
        description = "Nhiệm vụ, giải pháp: danh sách (list), xuất CSV (export), nhiệm vụ quá hạn (overdue).",
        subcommands = {TasksCommand.ListCommand.class, TasksCommand.ExportCommand.class, TasksCommand.OverdueCommand.class})
class TasksCommand {

    enum Format { table, csv, json }

    @ParentCommand
    KeHoachCommand parent;

    static String print(List<PlanTask> tasks, LocalDate at, Format format) {
        List<TaskRow> rows = tasks.stream().map(t -> TaskRow.of(t, at)).toList();
        return switch (format) {
            case csv -> TaskRow.csv(rows);
            case json -> JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(rows) + "\n";
            case table -> TextTable.render(List.of("Mục", "Lĩnh vực", "Nội dung", "Chủ trì", "Thời hạn", "Tình trạng"),
                    tasks.stream().map(t -> List.of(t.reference() == null ? "#" + t.id() : t.reference(),
                            TextTable.cut(t.sectorName(), 24), TextTable.cut(t.content(), 60),
                            TextTable.cut(t.lead().name(), 30) + (t.assignmentIllustrative() ? " *" : ""),
                            Numbers.vi().date(t.deadline()) + (t.overdueAt(at) ? " (quá hạn)" : ""),
                            t.status().label())).toList(), Set.of())
                    + tasks.size() + " nhiệm vụ" + (tasks.stream().anyMatch(PlanTask::assignmentIllustrative)
                    ? "; * cơ quan chủ trì do bản mẫu chọn (kế hoạch không nêu)" : "") + "\n";
        };
    }

    static void out(String text) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.print(text);
        out.flush();
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "In danh sách nhiệm vụ.")
    static class ListCommand implements Callable<Integer> {
        @ParentCommand
        TasksCommand tasks;
        @Option(names = "--year", description = "Năm kế hoạch.")
        Integer year;
        @Option(names = "--sector", paramLabel = "CODE", description = "Mã lĩnh vực (NN, XD, TC…).")
        String sector;
        @Option(names = "--status", description = "Tình trạng: ${COMPLETION-CANDIDATES}.")
        TaskStatus status;
        @Option(names = "--lead", paramLabel = "CODE", description = "Mã cơ quan chủ trì (HL_NNPTNT…).")
        String lead;
        @Option(names = "--format", defaultValue = "table", description = "table, csv hoặc json. Mặc định: ${DEFAULT-VALUE}.")
        Format format;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext ctx = Boot.start(tasks.parent, false, Map.of())) {
                out(print(ctx.getBean(PlanTasks.class).list(new TaskFilter(year, sector, status, lead, null)),
                        LocalDate.now(Numbers.VIETNAM), format));
            }
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Xuất nhiệm vụ ra CSV (tệp hoặc màn hình).")
    static class ExportCommand implements Callable<Integer> {
        @ParentCommand
        TasksCommand tasks;
        @Option(names = "--year", description = "Năm kế hoạch (mặc định: mọi năm).")
        Integer year;
        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Tệp CSV (mặc định: in ra màn hình).")
        Path output;
        @picocli.CommandLine.Mixin
        SeparatorOption separator;

        @Override
        public Integer call() throws IOException {
            try (ConfigurableApplicationContext ctx = Boot.start(tasks.parent, false, Map.of())) {
                List<PlanTask> list = ctx.getBean(PlanTasks.class).list(new TaskFilter(year, null, null, null, null));
                String csv = separator.apply(print(list, LocalDate.now(Numbers.VIETNAM), Format.csv));
                if (output == null) {
                    out(csv);
                } else {
                    // A file is opened in a spreadsheet: it begins with the byte order mark (standard output does not).
                    Files.write(output, Csv.file(csv));
                    out("Đã ghi " + list.size() + " nhiệm vụ vào " + output + "\n");
                }
            }
            return 0;
        }
    }

    @Command(name = "overdue", mixinStandardHelpOptions = true,
            description = "Nhiệm vụ quá hạn: quá thời hạn mà chưa hoàn thành, tại một ngày (mặc định: hôm nay).")
    static class OverdueCommand implements Callable<Integer> {
        @ParentCommand
        TasksCommand tasks;
        @Option(names = "--as-of", paramLabel = "yyyy-mm-dd", description = "Tại ngày (mặc định: hôm nay).")
        LocalDate asOf;
        @Option(names = "--format", defaultValue = "table", description = "table, csv hoặc json. Mặc định: ${DEFAULT-VALUE}.")
        Format format;

        @Override
        public Integer call() {
            LocalDate at = asOf != null ? asOf : LocalDate.now(Numbers.VIETNAM);
            try (ConfigurableApplicationContext ctx = Boot.start(tasks.parent, false, Map.of())) {
                List<PlanTask> overdue = ctx.getBean(PlanTasks.class).overdue(at);
                if (format == Format.table) {
                    out("Nhiệm vụ quá hạn tại ngày " + Numbers.vi().date(at) + ":\n");
                }
                out(print(overdue, at, format));
            }
            return 0;
        }
    }
}
