package vn.kehoach.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.kehoach.format.Numbers;
import vn.kehoach.publication.PlanSigning;
import vn.kehoach.publication.Publication;
import vn.kehoach.publication.PublicationKind;
import vn.kehoach.publication.Publications;

/**
 * {@code kehoach publish}: publishes a unit's plan year for the public pages (/cong-khai) — the plan PDF (unsigned,
 * signed with the server's key, or a PDF signed outside and verified), the targets and the budget forms;
 * {@code publish list} prints what is published, {@code publish withdraw --id N} takes one back.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Công bố công khai văn bản kế hoạch (PDF, có thể ký số), chỉ tiêu chủ yếu và biểu công khai "
                + "ngân sách (Thông tư 343/2016/TT-BTC) của một đơn vị và năm; list: đang công khai; withdraw: thu hồi.",
        subcommands = {PublishCommand.ListCommand.class, PublishCommand.WithdrawCommand.class})
class PublishCommand implements Callable<Integer> {

    @ParentCommand
    KeHoachCommand parent;

    @Option(names = "--unit", paramLabel = "CODE", description = "Mã đơn vị, ví dụ HALANG.")
    String unit;
    @Option(names = "--year", description = "Năm kế hoạch, ví dụ 2022.")
    Integer year;
    @Option(names = "--what", paramLabel = "plan,targets,budget",
            description = "Nội dung công bố, cách nhau bởi dấu phẩy. Mặc định: cả ba.")
    String what;
    @Option(names = "--signed", paramLabel = "FILE.pdf",
            description = "Tệp PDF văn bản kế hoạch đã ký số bên ngoài (USB token); chữ ký được kiểm tra trước khi công bố.")
    Path signed;
    @Option(names = "--sign-with-server-key",
            description = "Ký văn bản kế hoạch bằng khóa cấu hình trên máy chủ (kehoach.signing.keystore, .alias, .password).")
    boolean serverKey;

    @Override
    public Integer call() {
        if (unit == null || unit.isBlank()) {
            throw new KeHoachCommand.UserError("thiếu --unit (mã đơn vị, ví dụ HALANG)");
        }
        if (year == null) {
            throw new KeHoachCommand.UserError("thiếu --year (năm kế hoạch, ví dụ 2022)");
        }
        if (signed != null && serverKey) {
            throw new KeHoachCommand.UserError("chọn một trong --signed và --sign-with-server-key");
        }
        Set<PublicationKind> kinds = PublicationKind.parseList(what);
        byte[] pdf = null;
        if (signed != null) {
            try {
                pdf = Files.readAllBytes(signed);
            } catch (NoSuchFileException e) {
                throw new KeHoachCommand.UserError("không có tệp --signed " + signed);
            } catch (IOException e) {
                throw new KeHoachCommand.UserError("không đọc được tệp --signed " + signed + ": " + e.getMessage());
            }
        }
        PlanSigning how = signed != null ? PlanSigning.UPLOADED : serverKey ? PlanSigning.SERVER_KEY : PlanSigning.NONE;
        try (ConfigurableApplicationContext ctx = Boot.start(parent, false, Map.of())) {
            List<Publication> done = ctx.getBean(Publications.class).publish(unit.strip(), year, kinds, how, pdf);
            TasksCommand.out(table(done) + "Đã công bố " + done.size() + " nội dung; trang công khai: /cong-khai/"
                    + unit.strip().toUpperCase() + "/" + year + "\n");
        }
        return 0;
    }

    static String table(List<Publication> rows) {
        return TextTable.render(List.of("Số", "Đơn vị", "Năm", "Nội dung", "Ngày công bố", "Người công bố", "Ký số",
                        "SHA-256"),
                rows.stream().map(p -> List.of(String.valueOf(p.id()), p.unitCode(), String.valueOf(p.year()),
                        p.kind().label(), Numbers.vi().dateTime(p.publishedAt()), p.publishedBy(),
                        p.signer() == null ? "" : TextTable.cut(p.signer(), 40), p.sha256())).toList(), Set.of(0, 2));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "In các nội dung đang công khai, mới nhất trước.")
    static class ListCommand implements Callable<Integer> {
        @ParentCommand
        PublishCommand publish;
        @Option(names = "--unit", paramLabel = "CODE", description = "Chỉ của đơn vị này.")
        String unit;
        @Option(names = "--year", description = "Chỉ của năm này.")
        Integer year;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext ctx = Boot.start(publish.parent, false,
                    Map.of())) {
                List<Publication> rows = ctx.getBean(Publications.class)
                        .published(unit == null ? null : unit.strip().toUpperCase(), 10_000).stream()
                        .filter(p -> year == null || p.year() == year).toList();
                TasksCommand.out(table(rows) + rows.size() + " nội dung đang công khai\n");
            }
            return 0;
        }
    }

    @Command(name = "withdraw", mixinStandardHelpOptions = true, description = "Thu hồi một nội dung đang công khai.")
    static class WithdrawCommand implements Callable<Integer> {
        @ParentCommand
        PublishCommand publish;
        @Option(names = "--id", required = true, description = "Số của nội dung (cột 'Số' của publish list).")
        long id;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext ctx = Boot.start(publish.parent, false,
                    Map.of())) {
                Publication p = ctx.getBean(Publications.class).withdraw(id);
                TasksCommand.out("Đã thu hồi: " + p.title() + " (" + p.unitCode() + " " + p.year() + ")\n");
            }
            return 0;
        }
    }
}
