package vn.kehoach.cli.internal;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code kehoach}: the top command, holding the options every sub-command shares. */
@Command(name = "kehoach", mixinStandardHelpOptions = true, version = "KeHoach 0.1",
        description = "KeHoach — lập và theo dõi kế hoạch phát triển kinh tế - xã hội.",
        subcommands = {ServeCommand.class, DemoCommand.class, LoadDemoCommand.class, CompareCommand.class,
                ImportCommand.class, ExportCommand.class, TemplateCommand.class, UserCommand.class, CheckCommand.class,
                ExtractCommand.class, ValidateCommand.class, BenchCommand.class, ProjectsCommand.class,
                TasksCommand.class, BudgetCommand.class, ReportCommand.class, ReorganiseCommand.class, PlanCommand.class,
                BackupCommand.class, RestoreCommand.class,
                CommandLine.HelpCommand.class})
public class KeHoachCommand implements Runnable {

    @Option(names = "--db", scope = ScopeType.INHERIT, paramLabel = "JDBC_URL", defaultValue = "${env:KEHOACH_DB}",
            description = "Cơ sở dữ liệu (JDBC URL), ví dụ jdbc:postgresql://127.0.0.1:5432/kehoach?user=postgres. "
                    + "Mặc định: biến môi trường KEHOACH_DB, nếu không có thì tệp H2 trong ./data/")
    String db;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The Spring Boot application class the sub-commands start. */
    Class<?> application;

    public static CommandLine commandLine(Class<?> application) {
        KeHoachCommand top = new KeHoachCommand();
        top.application = application;
        CommandLine cli = new CommandLine(top);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable cause = rootUserError(ex);
            PrintWriter err = commandLine.getErr();
            if (cause != null) {
                err.println("Lỗi: " + cause.getMessage());
                err.flush();
                return 2;
            }
            err.println("Lỗi: " + ex);
            ex.printStackTrace(err);
            err.flush();
            return 1;
        });
        return cli;
    }

    /** The exception a user can act on (a bad code, period or file), looked for through Spring's wrappers. */
    private static Throwable rootUserError(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException || t instanceof UserError
                    || t.getClass().getSimpleName().equals("ImportException")) {
                return t;
            }
        }
        return null;
    }

    /** A problem with what the user asked for, reported without a stack trace. */
    static class UserError extends RuntimeException {
        UserError(String message) {
            super(message);
        }
    }
}
