package vn.kehoach.cli;

import picocli.CommandLine;
import vn.kehoach.cli.internal.KeHoachCommand;

/** Runs the command line and returns its exit code: 0 done, 1 findings or failure, 2 bad usage or input. */
public final class Launcher {

    private Launcher() {
    }

    public static int run(String... args) {
        CommandLine cli = KeHoachCommand.commandLine();
        return cli.execute(args);
    }
}
