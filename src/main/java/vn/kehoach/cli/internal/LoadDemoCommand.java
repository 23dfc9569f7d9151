package vn.kehoach.cli.internal;

import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import vn.kehoach.demo.DemoDistrict;
import vn.kehoach.exchange.ImportReport;

/** {@code kehoach load-demo}: loads the demo district into the chosen database. */
@Command(name = "load-demo", mixinStandardHelpOptions = true,
        description = "Nạp số liệu mẫu huyện Hạ Lang vào cơ sở dữ liệu đã chọn (nạp lại thì cập nhật, không nhân đôi).")
class LoadDemoCommand implements Callable<Integer> {

    @ParentCommand
    KeHoachCommand parent;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext ctx = Boot.start(parent.application, parent.db, false, Map.of())) {
            ImportReport report = ctx.getBean(DemoDistrict.class).load("demo");
            System.out.println("Đã nạp số liệu mẫu huyện Hạ Lang: " + report);
        }
        return 0;
    }
}
