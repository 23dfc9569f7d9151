package vn.kehoach;

import org.springframework.boot.autoconfigure.SpringBootApplication;

import vn.kehoach.cli.Launcher;

/** KeHoach: one jar that is both the web server and the command-line tool. */
@SpringBootApplication
public class KeHoachApplication {

    public static void main(String[] args) {
        System.exit(Launcher.run(KeHoachApplication.class, args));
    }
}
