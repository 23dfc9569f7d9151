package vn.kehoach.cli.internal;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.exchange.TemplateRequest;
import vn.kehoach.exchange.TemplateWorkbooks;
import vn.kehoach.period.Period;

/** {@code kehoach template}: an Excel template of a form for a unit and period, to fill in and import. */
@Command(name = "template", mixinStandardHelpOptions = true,
        description = {"Tạo biểu mẫu Excel để điền số liệu của một đơn vị, một kỳ: mã ẩn trong các cột ẩn, nhãn bị khóa,",
                "ô số liệu kiểm tra là số, số cùng kỳ năm trước bên cạnh. Điền xong thì nhập bằng kehoach import.",
                "Biểu mẫu (--form) hiện là một lĩnh vực (mọi chỉ tiêu của lĩnh vực); --elements chọn từng chỉ tiêu."})
class TemplateCommand implements Callable<Integer> {

    @ParentCommand
    KeHoachCommand parent;

    @Option(names = "--form", paramLabel = "CODE", description = "Mã biểu mẫu (hiện là mã lĩnh vực, ví dụ NN).")
    String form;

    @Option(names = "--elements", split = ",", paramLabel = "CODE", description = "Các mã chỉ tiêu, thay cho --form.")
    List<String> elements;

    @Option(names = "--unit", required = true, paramLabel = "CODE", description = "Mã đơn vị.")
    String unit;

    @Option(names = "--period", required = true, paramLabel = "ID", description = "Kỳ báo cáo: 2021, 2021S1, 2021Q3, 202106.")
    String period;

    @Option(names = "--kind", defaultValue = "ACTUAL", description = "ACTUAL (thực hiện) hoặc ESTIMATE (ước thực hiện). Mặc định: ${DEFAULT-VALUE}.")
    String kind;

    @Option(names = "--out", required = true, paramLabel = "FILE.xlsx", description = "Tệp ra.")
    Path out;

    @Override
    public Integer call() throws Exception {
        TemplateRequest request = new TemplateRequest(form, elements, unit, Period.parse(period), ValueKind.parse(kind));
        try (ConfigurableApplicationContext ctx = Boot.start(parent, false, Map.of())) {
            TemplateWorkbooks templates = ctx.getBean(TemplateWorkbooks.class);
            templates.form(request);
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            try (OutputStream o = Files.newOutputStream(out)) {
                templates.write(request, o);
            }
        }
        new PrintStream(System.out, true, StandardCharsets.UTF_8).println("Đã ghi biểu mẫu " + out);
        return 0;
    }
}
