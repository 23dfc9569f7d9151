package vn.kehoach.cli.internal;

import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.kehoach.demo.DemoDistrict;
import vn.kehoach.exchange.ImportReport;

/** {@code kehoach load-demo}: loads the demo district into the chosen database. */
@Command(name = "load-demo", mixinStandardHelpOptions = true,
        description = {"Nạp số liệu mẫu huyện Hạ Lang vào cơ sở dữ liệu đã chọn (nạp lại thì cập nhật, không nhân đôi).",
                "Không tạo người dùng mẫu, trừ khi có --with-users (mật khẩu 'demo': chỉ dùng để thử)."})
class LoadDemoCommand implements Callable<Integer> {

    @ParentCommand
    KeHoachCommand parent;

    @Option(names = "--with-users", description = "Tạo cả người dùng mẫu (admin, planner, approver, viewer, reporter-<xã>).")
    boolean withUsers;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext ctx = Boot.start(parent, false, Map.of())) {
            DemoDistrict demo = ctx.getBean(DemoDistrict.class);
            ImportReport report = withUsers ? demo.load("demo") : demo.loadData("demo");
            System.out.println("Đã nạp số liệu mẫu huyện Hạ Lang: " + report);
            if (withUsers) {
                System.out.println("Người dùng mẫu, mật khẩu '" + DemoDistrict.DEMO_PASSWORD + "': "
                        + demo.users().stream().map(DemoDistrict.DemoUser::username).toList());
            } else {
                System.out.println("Chưa có người dùng mẫu; tạo quản trị viên đầu tiên bằng: kehoach user add --username … --role ADMIN --unit …");
            }
        }
        return 0;
    }
}
