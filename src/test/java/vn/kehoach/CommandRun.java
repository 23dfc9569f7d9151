package vn.kehoach;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import vn.kehoach.cli.Launcher;

/**
 * One run of the command line inside the test JVM, as a user's shell runs it: its exit code and what it printed on
 * standard output and standard error. Runs are serialised, since they borrow {@code System.out} and {@code System.err}.
 */
public record CommandRun(int exit, String out, String err) {

    /** A run with {@code input} on standard input, as a password typed after {@code --password-stdin}. */
    public static synchronized CommandRun withStdin(String input, String... args) {
        InputStream in = System.in;
        try {
            System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            return of(args);
        } finally {
            System.setIn(in);
        }
    }

    public static synchronized CommandRun of(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int exit = Launcher.run(KeHoachApplication.class, args);
            return new CommandRun(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
