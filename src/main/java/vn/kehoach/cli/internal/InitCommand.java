package vn.kehoach.cli.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.kehoach.orgunit.OrgUnitDraft;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.security.Users;
import vn.kehoach.setup.DatabaseNotEmptyException;
import vn.kehoach.setup.FirstRun;
import vn.kehoach.setup.FirstRunRequest;
import vn.kehoach.setup.FirstRunResult;

/** {@code kehoach init}: the first run on an empty database — root unit, first administrator, starter catalog. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Khởi tạo cơ sở dữ liệu trống: đơn vị gốc, quản trị viên đầu tiên (vai trò ADMIN tại đơn vị đó)",
                "và danh mục chỉ tiêu khởi đầu, tất cả hoặc không gì cả. Cơ sở dữ liệu đã có đơn vị hoặc người dùng",
                "thì bị từ chối (mã thoát 2) và không thay đổi gì. Mật khẩu (ít nhất 8 ký tự) được hỏi khi chạy,",
                "hoặc đọc từ dòng đầu của đầu vào chuẩn với --password-stdin."})
class InitCommand implements Callable<Integer> {

    enum CatalogChoice { starter, none }

    @ParentCommand
    KeHoachCommand parent;

    @Option(names = "--unit", required = true, description = "Mã đơn vị gốc, ví dụ CAOBANG.")
    String unit;

    @Option(names = "--name", required = true, description = "Tên đơn vị gốc, ví dụ \"Tỉnh Cao Bằng\".")
    String name;

    @Option(names = "--kind", required = true, description = "Loại đơn vị gốc: PROVINCE, DISTRICT, COMMUNE, WARD… (xem unit add --help).")
    String kind;

    @Option(names = "--valid-from", paramLabel = "yyyy-mm-dd", description = "Ngày đơn vị gốc có hiệu lực (không bắt buộc).")
    LocalDate validFrom;

    @Option(names = "--admin", required = true, paramLabel = "USER", description = "Tên đăng nhập của quản trị viên đầu tiên.")
    String admin;

    @Option(names = "--admin-name", description = "Họ tên hiển thị của quản trị viên.")
    String adminName;

    @Option(names = "--password-stdin", description = "Đọc mật khẩu từ đầu vào chuẩn.")
    boolean passwordStdin;

    @Option(names = "--catalog", defaultValue = "starter",
            description = "Danh mục chỉ tiêu: starter (danh mục khởi đầu, xem docs/setup.md) hoặc none. Mặc định: ${DEFAULT-VALUE}.")
    CatalogChoice catalog;

    @Override
    public Integer call() throws Exception {
        try (ConfigurableApplicationContext ctx = Boot.start(parent, false, Map.of())) {
            FirstRun firstRun = ctx.getBean(FirstRun.class);
            // Refused before the password is asked: nobody types a password for a database that will not take it.
            if (!firstRun.databaseEmpty()) {
                throw new DatabaseNotEmptyException(ctx.getBean(OrgUnits.class).count(),
                        ctx.getBean(Users.class).count());
            }
            String password = UserCommand.readPassword(passwordStdin);
            FirstRunResult r = firstRun.initialise(new FirstRunRequest(
                    new OrgUnitDraft(unit, name, OrgUnitKind.parse(kind), null, validFrom, null), admin, adminName, password,
                    catalog == CatalogChoice.starter), System.getProperty("user.name"));
            System.out.println("Đã khởi tạo " + r.root().name() + " (" + r.root().code() + ", " + r.root().kind().label()
                    + "); quản trị viên " + r.admin().username() + " (ADMIN).");
            System.out.println(r.catalog().total() == 0 ? "Chưa có danh mục chỉ tiêu (--catalog none)."
                    : "Danh mục chỉ tiêu khởi đầu: " + r.catalog() + ".");
            System.out.println("Tiếp theo: kehoach unit add --code … --name … --kind COMMUNE --parent " + r.root().code()
                    + "; kehoach serve, rồi đăng nhập bằng " + r.admin().username() + ".");
        }
        return 0;
    }
}
