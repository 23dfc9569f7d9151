package vn.kehoach.cli.internal;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kehoach bench}: the benchmarks, one sub-command each; they print figures, never assert durations. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Đo hiệu năng: mỗi lệnh con in một dòng tên=giá_trị cho mỗi số đo.",
        subcommands = {BenchAnalyticsCommand.class, BenchHttpCommand.class})
class BenchCommand implements Runnable {

    @CommandLine.ParentCommand
    KeHoachCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
