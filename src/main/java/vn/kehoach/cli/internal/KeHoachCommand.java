package vn.kehoach.cli.internal;

import java.io.PrintWriter;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import vn.kehoach.problem.Problem;
import vn.kehoach.problem.ProblemType;
import vn.kehoach.problem.Refusal;

/** {@code kehoach}: the top command, holding the options every sub-command shares. */
@Command(name = "kehoach", mixinStandardHelpOptions = true, version = "KeHoach 0.1",
        description = "KeHoach — lập và theo dõi kế hoạch phát triển kinh tế - xã hội.")
public class KeHoachCommand implements Runnable {

    @Option(names = "--db", scope = ScopeType.INHERIT, paramLabel = "JDBC_URL", defaultValue = "${env:KEHOACH_DB}",
            description = "Cơ sở dữ liệu (JDBC URL), ví dụ jdbc:postgresql://127.0.0.1:5432/kehoach?user=postgres. "
                    + "Mặc định: biến môi trường KEHOACH_DB, nếu không có thì tệp H2 trong ./data/")
    String db;

    @Option(names = "--db-replica", scope = ScopeType.INHERIT, paramLabel = "JDBC_URL",
            defaultValue = "${env:KEHOACH_DB_REPLICA}",
            description = "Bản sao streaming (chỉ đọc) của cơ sở dữ liệu PostgreSQL --db, ví dụ "
                    + "jdbc:postgresql://10.0.0.2:5432/kehoach?user=kehoach: các giao dịch chỉ đọc (so sánh, văn bản, "
                    + "xuất dữ liệu…) dùng bản sao khi nó đã theo kịp máy chủ chính, nếu không (hoặc khi bản sao "
                    + "ngừng) thì dùng máy chủ chính. Mặc định: biến môi trường KEHOACH_DB_REPLICA, nếu không có thì "
                    + "không dùng bản sao")
    String dbReplica;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The Spring Boot application class the sub-commands start. */
    Class<?> application;

    /** The sub-commands, in the order {@code --help} lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(ServeCommand.class, DemoCommand.class, LoadDemoCommand.class,
            CompareCommand.class, ImportCommand.class, ExportCommand.class, TemplateCommand.class, UserCommand.class,
            CheckCommand.class, ExtractCommand.class, ValidateCommand.class, BenchCommand.class, ProjectsCommand.class,
            TasksCommand.class, BudgetCommand.class, ReportCommand.class, ReorganiseCommand.class, PlanCommand.class,
            BackupCommand.class, RestoreCommand.class, InitCommand.class, UnitCommand.class, TargetCommand.class,
            CatalogCommand.class,
            EvidenceCommand.class,
            CompletenessCommand.class,
            FormCommand.class, RuleCommand.class, DocumentImportCommand.class, SignCommand.class, VerifyCommand.class,
            PublishCommand.class,
            CommandLine.HelpCommand.class);

    /** The whole command line, every sub-command in it. */
    public static CommandLine commandLine(Class<?> application) {
        return commandLine(application, SUBCOMMANDS);
    }

    /**
     * The command line that {@code args} needs: when they name a sub-command after nothing but the global options
     * ({@code --db}, {@code --db-replica}), only that one. picocli builds the model of a command (its options, their types and help) by reflection when it is
     * added; all thirty took longer than the rest of a short command's start before its application starts. Help,
     * an unknown name or anything else before the name gets every sub-command, so usage and errors read as before.
     */
    public static CommandLine commandLine(Class<?> application, String... args) {
        int i = 0;
        while (i < args.length && (args[i].startsWith("--db=") || args[i].equals("--db")
                || args[i].startsWith("--db-replica=") || args[i].equals("--db-replica"))) {
            i += args[i].equals("--db") || args[i].equals("--db-replica") ? 2 : 1;
        }
        if (i < args.length && !args[i].equals("help")) {
            for (Class<?> c : SUBCOMMANDS) {
                if (args[i].equals(c.getAnnotation(Command.class).name())) {
                    return commandLine(application, List.of(c));
                }
            }
        }
        return commandLine(application);
    }

    private static CommandLine commandLine(Class<?> application, List<Class<?>> subcommands) {
        KeHoachCommand top = new KeHoachCommand();
        top.application = application;
        CommandLine cli = new CommandLine(top);
        for (Class<?> c : subcommands) {
            cli.addSubcommand(c);
        }
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Problem problem = Problem.of(ex);
            PrintWriter err = commandLine.getErr();
            if (problem.unexpected()) {
                // An operator runs the command line: the stack trace is theirs to read or send on.
                err.println("Lỗi: " + ex);
                ex.printStackTrace(err);
            } else {
                err.println("Lỗi: " + problem.detail() + (problem.errors().isEmpty() ? ""
                        : " (" + problem.errors().size() + " lỗi):"));
                problem.errors().forEach(e -> err.println("  - " + e));
            }
            err.flush();
            return problem.type().exitCode();
        });
        return cli;
    }

    /** A problem with what the user asked for, reported without a stack trace. */
    static class UserError extends RuntimeException implements Refusal {
        UserError(String message) {
            super(message);
        }

        @Override
        public Problem problem() {
            return Problem.of(ProblemType.BAD_INPUT, getMessage());
        }
    }
}
