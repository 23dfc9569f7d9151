package vn.kehoach.cli;

import picocli.CommandLine;
import vn.kehoach.cli.internal.KeHoachCommand;

/** Runs the command line and returns its exit code: 0 done, 1 findings or failure, 2 bad usage or input. */
public final class Launcher {

    private Launcher() {
    }

    /** Runs the command; {@code application} is the Spring Boot class that commands start when they need it. */
    public static int run(Class<?> application, String... args) {
        CommandLine cli = KeHoachCommand.commandLine(application, args);
        return cli.execute(args);
    }
}
