package vn.kehoach.cli.internal;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.security.ApiTokens;
import vn.kehoach.security.Role;
import vn.kehoach.security.User;
import vn.kehoach.security.Users;

/** {@code kehoach user}: accounts from the command line, such as the first administrator. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Quản lý người dùng từ dòng lệnh.",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Token.class})
class UserCommand implements Runnable {

    @ParentCommand
    KeHoachCommand parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Tạo người dùng. Mật khẩu (ít nhất 8 ký tự) được hỏi khi chạy, hoặc đọc từ",
                    "dòng đầu của đầu vào chuẩn với --password-stdin."})
    static class Add implements Callable<Integer> {

        @ParentCommand
        UserCommand user;

        @Option(names = "--username", required = true, description = "Tên đăng nhập (chữ thường không dấu).")
        String username;

        @Option(names = "--name", description = "Họ tên hiển thị.")
        String name;

        @Option(names = "--role", required = true, split = ",", description = "Vai trò: ${COMPLETION-CANDIDATES} (nhiều vai trò cách nhau bằng dấu phẩy).")
        List<Role> roles;

        @Option(names = "--unit", required = true, description = "Mã đơn vị mà người dùng được xem và nhập (cả cây con).")
        String unit;

        @Option(names = "--password-stdin", description = "Đọc mật khẩu từ đầu vào chuẩn.")
        boolean passwordStdin;

        @Override
        public Integer call() throws Exception {
            String password = readPassword(passwordStdin);
            try (ConfigurableApplicationContext ctx = Boot.start(user.parent, false, Map.of())) {
                User u = ctx.getBean(Users.class).create(username, password, name, EnumSet.copyOf(roles), unit,
                        System.getProperty("user.name"));
                System.out.println("Đã tạo " + u.username() + " " + u.roles() + " — " + u.orgUnitName());
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Liệt kê người dùng của một đơn vị và cây con.")
    static class ListUsers implements Callable<Integer> {

        @ParentCommand
        UserCommand user;

        @Option(names = "--unit", description = "Mã đơn vị (mặc định: mọi đơn vị gốc).")
        String unit;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext ctx = Boot.start(user.parent, false, Map.of())) {
                OrgUnits orgUnits = ctx.getBean(OrgUnits.class);
                var roots = unit == null ? orgUnits.roots() : List.of(orgUnits.require(unit));
                for (var root : roots) {
                    for (User u : ctx.getBean(Users.class).list(root)) {
                        System.out.printf("%-24s %-28s %-20s %s%s%n", u.username(), u.roles(), u.orgUnitCode(),
                                u.displayName(), u.enabled() ? "" : " (vô hiệu hóa)");
                    }
                }
            }
            return 0;
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true,
            description = "Cấp token API cá nhân cho người dùng (chỉ hiện một lần): Authorization: Bearer <token>.")
    static class Token implements Callable<Integer> {

        @ParentCommand
        UserCommand user;

        @Option(names = "--username", required = true)
        String username;

        @Option(names = "--name", required = true, description = "Tên gợi nhớ của token, ví dụ 'đồng bộ tỉnh'.")
        String name;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext ctx = Boot.start(user.parent, false, Map.of())) {
                System.out.println(ctx.getBean(ApiTokens.class).issue(username, name, null, System.getProperty("user.name")));
            }
            return 0;
        }
    }

    /** The password from the first line of standard input, or asked twice on the console without echo. */
    static String readPassword(boolean fromStdin) throws Exception {
        if (!fromStdin) {
            Console console = System.console();
            if (console == null) {
                throw new KeHoachCommand.UserError("không có bàn phím để hỏi mật khẩu; dùng --password-stdin");
            }
            char[] first = console.readPassword("Mật khẩu: ");
            char[] again = console.readPassword("Nhập lại mật khẩu: ");
            if (first == null || again == null || !new String(first).equals(new String(again))) {
                throw new KeHoachCommand.UserError("hai lần nhập mật khẩu không khớp");
            }
            return new String(first);
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
            throw new KeHoachCommand.UserError("đầu vào chuẩn trống: không có mật khẩu");
        }
        return line;
    }
}
