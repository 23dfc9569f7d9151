package vn.kehoach.cli.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.kehoach.audit.Source;
import vn.kehoach.exchange.CsvImport;
import vn.kehoach.exchange.ImportReport;

/** {@code kehoach import}: imports CSV files (or folders of them) as one whole. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Nhập các tệp CSV (đơn vị, danh mục, số liệu, chỉ tiêu kế hoạch) hoặc thư mục chứa chúng.",
                "Cả lần nhập được lưu trọn vẹn hoặc không lưu gì; mọi lỗi được báo theo tệp, dòng, cột."})
class ImportCommand implements Callable<Integer> {

    @ParentCommand
    KeHoachCommand parent;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Tệp .csv hoặc thư mục.")
    List<Path> files;

    @Option(names = "--user", defaultValue = "${sys:user.name}", description = "Người nhập, ghi vào nhật ký.")
    String user;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext ctx = Boot.start(parent.application, parent.db, false, Map.of())) {
            ImportReport report = ctx.getBean(CsvImport.class).importPaths(files, user, Source.IMPORT);
            System.out.println("Đã nhập: " + report);
        }
        return 0;
    }
}
