package vn.kehoach.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.kehoach.audit.Source;
import vn.kehoach.evidence.Attachment;
import vn.kehoach.evidence.Evidence;
import vn.kehoach.evidence.EvidenceTarget;
import vn.kehoach.evidence.TargetKind;
import vn.kehoach.format.Numbers;

/** {@code kehoach evidence add|list|get}: evidence files of a value, a form, a disbursement or a task. */
@Command(name = "evidence", mixinStandardHelpOptions = true,
        description = "Minh chứng: thêm tệp (add), liệt kê (list), lấy tệp ra (get).",
        subcommands = {EvidenceCommand.AddCommand.class, EvidenceCommand.ListCommand.class, EvidenceCommand.GetCommand.class})
class EvidenceCommand {

    @ParentCommand
    KeHoachCommand parent;

    /** What the file belongs to: a value (--unit --element --period), a form (--unit --form --period), … */
    static class Target {
        @Option(names = "--unit", paramLabel = "CODE", description = "Mã đơn vị (với --element hoặc --form, và --period).")
        String unit;
        @Option(names = "--element", paramLabel = "CODE", description = "Mã chỉ tiêu: minh chứng của một số liệu.")
        String element;
        @Option(names = "--form", paramLabel = "CODE", description = "Mã biểu: minh chứng của cả biểu gửi duyệt.")
        String form;
        @Option(names = "--period", paramLabel = "KỲ", description = "Kỳ báo cáo (2021S1, 2021…).")
        String period;
        @Option(names = "--project", paramLabel = "CODE", description = "Mã dự án (với --disbursement).")
        String project;
        @Option(names = "--disbursement", paramLabel = "SỐ", description = "Số của lần giải ngân.")
        Long disbursement;
        @Option(names = "--task", paramLabel = "SỐ", description = "Số của nhiệm vụ.")
        Long task;

        EvidenceTarget target() {
            TargetKind kind = task != null ? TargetKind.TASK : project != null ? TargetKind.DISBURSEMENT
                    : form != null ? TargetKind.SUBMISSION : element != null ? TargetKind.VALUE : null;
            if (kind == null) {
                throw new KeHoachCommand.UserError("Cần nói tệp thuộc về đâu: --unit --element --period (số liệu), "
                        + "--unit --form --period (biểu), --project --disbursement (giải ngân) hoặc --task (nhiệm vụ)");
            }
            return new EvidenceTarget(kind, unit, element, form, period, project, disbursement, task);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Thêm một tệp minh chứng (ghi vào nhật ký).")
    static class AddCommand implements Callable<Integer> {
        @ParentCommand
        EvidenceCommand evidence;
        @ArgGroup(exclusive = false, multiplicity = "1")
        Target target;
        @Option(names = "--file", required = true, paramLabel = "FILE", description = "Tệp PDF, JPEG, PNG, WebP, DOCX, XLSX, ODT hoặc ODS.")
        Path file;
        @Option(names = "--comment", description = "Ghi chú về tệp.")
        String comment;

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(file)) {
                throw new KeHoachCommand.UserError("Không có tệp " + file);
            }
            EvidenceTarget t = target.target();
            try (ConfigurableApplicationContext ctx = Boot.start(evidence.parent, false, Map.of());
                 InputStream in = Files.newInputStream(file)) {
                Attachment a = ctx.getBean(Evidence.class).attach(t, file.getFileName().toString(), Files.size(file), in,
                        comment, Source.CLI);
                TasksCommand.out("Đã thêm minh chứng số " + a.id() + " cho " + t.describe() + ": " + a.fileName() + " ("
                        + a.contentType() + ", " + a.sizeLabel() + ", SHA-256 " + a.sha256() + ")\n");
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Liệt kê minh chứng; với --form thì kèm minh chứng của từng số liệu trong biểu.")
    static class ListCommand implements Callable<Integer> {
        @ParentCommand
        EvidenceCommand evidence;
        @ArgGroup(exclusive = false, multiplicity = "1")
        Target target;

        @Override
        public Integer call() {
            EvidenceTarget t = target.target();
            try (ConfigurableApplicationContext ctx = Boot.start(evidence.parent, false, Map.of())) {
                Evidence service = ctx.getBean(Evidence.class);
                List<Attachment> files = t.kind() == TargetKind.SUBMISSION
                        ? service.ofSubmission(t.formCode(), t.unitCode(), t.period()) : service.list(t);
                TasksCommand.out(TextTable.render(List.of("Số", "Thuộc", "Tệp", "Loại", "Dung lượng", "SHA-256", "Người tải", "Lúc"),
                        files.stream().map(a -> List.of(String.valueOf(a.id()), a.target().describe(), a.fileName(),
                                a.contentType(), a.sizeLabel(), a.sha256(), a.uploadedBy(),
                                Numbers.vi().dateTime(a.uploadedAt()))).toList(), Set.of())
                        + files.size() + " tệp minh chứng\n");
            }
            return 0;
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Lấy một tệp minh chứng ra đĩa (kiểm mã SHA-256).")
    static class GetCommand implements Callable<Integer> {
        @ParentCommand
        EvidenceCommand evidence;
        @Option(names = "--id", required = true, description = "Số của tệp minh chứng (xem evidence list).")
        long id;
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Tệp sẽ ghi.")
        Path out;

        @Override
        public Integer call() throws IOException {
            try (ConfigurableApplicationContext ctx = Boot.start(evidence.parent, false, Map.of())) {
                Evidence.Download d = ctx.getBean(Evidence.class).download(id);
                Path target = out.toAbsolutePath();
                Files.createDirectories(target.getParent());
                Files.write(target, d.content());
                TasksCommand.out("Đã ghi " + d.attachment().fileName() + " (" + d.attachment().sizeLabel() + ", SHA-256 "
                        + d.attachment().sha256() + ") vào " + target + "\n");
            }
            return 0;
        }
    }
}
