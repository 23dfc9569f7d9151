package vn.kehoach.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.kehoach.document.PlanDocuments;
import vn.kehoach.document.TextDiff;
import vn.kehoach.document.WordUploads;

/**
 * {@code kehoach document-import}: reads a plan document's Word file edited in Word (written by {@code report
 * --format docx} or downloaded from the editor) and prints the blocks it changes, old → new; with {@code --apply}
 * stores them, refused whole when a block was saved since the file was written or a figure was edited by hand.
 */
@Command(name = "document-import", mixinStandardHelpOptions = true,
        description = {"Nhập lại tệp Word (DOCX) của văn bản kế hoạch đã sửa bằng Word: in các đoạn văn thay đổi (cũ → mới);",
                "thêm --apply để lưu. Đoạn có số liệu bị sửa tay, tệp của đơn vị/năm khác hay đoạn đã được lưu sau khi "
                        + "xuất tệp thì bị từ chối, không lưu gì."})
class DocumentImportCommand implements Callable<Integer> {

    @ParentCommand
    KeHoachCommand parent;

    @Option(names = "--unit", required = true, paramLabel = "CODE", description = "Mã đơn vị, ví dụ HALANG.")
    String unit;

    @Option(names = "--year", required = true, paramLabel = "N", description = "Năm kế hoạch, ví dụ 2022.")
    int year;

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "Tệp Word (.docx) đã sửa.")
    Path file;

    @Option(names = "--apply", description = "Lưu các thay đổi (không có thì chỉ in ra để xem).")
    boolean apply;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new KeHoachCommand.UserError("không có tệp '" + file + "'");
        }
        byte[] bytes = Files.readAllBytes(file);
        try (ConfigurableApplicationContext ctx = Boot.start(parent, false, Map.of())) {
            WordUploads uploads = ctx.getBean(WordUploads.class);
            WordUploads.Upload u = uploads.read(unit, year, file.getFileName().toString(), bytes);
            for (WordUploads.BlockChange c : u.changes()) {
                System.out.println("== " + c.title() + " (" + c.key() + ")" + (c.keepsDraft() ? ", giữ bản nháp năm "
                        + c.draftFrom() : "") + (c.stale() ? ", ĐÃ ĐƯỢC LƯU SAU KHI XUẤT TỆP (phiên bản " + c.storedVersion()
                        + ", tệp từ phiên bản " + c.version() + ")" : ""));
                for (TextDiff.Line l : c.diff()) {
                    switch (l.kind()) {
                        case SAME -> { }
                        case REMOVED -> System.out.println("- " + l.text());
                        case ADDED -> System.out.println("+ " + l.text());
                        case CHANGED -> {
                            System.out.println("- " + side(l, TextDiff.Kind.REMOVED));
                            System.out.println("+ " + side(l, TextDiff.Kind.ADDED));
                        }
                    }
                }
            }
            u.notes().forEach(n -> System.out.println("Ghi chú: " + n));
            if (u.changes().isEmpty()) {
                System.out.println("Tệp " + u.fileName() + " không thay đổi đoạn văn nào so với bản đã lưu.");
            } else if (apply) {
                uploads.store(unit, year, u.changes().stream()
                        .map(c -> new PlanDocuments.BlockEdit(c.key(), c.after(), c.version())).toList(), ReorganiseCommand.USER);
                System.out.println("Đã lưu " + u.changes().size() + " đoạn văn từ tệp " + u.fileName() + ".");
            } else {
                System.out.println("Chưa lưu: chạy lại với --apply để lưu " + u.changes().size() + " đoạn văn.");
            }
        }
        return 0;
    }

    /** The paragraph as it was (kept and removed pieces) or as it is (kept and added pieces). */
    private static String side(TextDiff.Line l, TextDiff.Kind keep) {
        StringBuilder sb = new StringBuilder();
        for (TextDiff.Segment s : l.segments()) {
            if (s.kind() == TextDiff.Kind.SAME) {
                sb.append(s.text());
            } else if (s.kind() == keep) {
                sb.append(keep == TextDiff.Kind.REMOVED ? "[-" : "{+").append(s.text()).append(keep == TextDiff.Kind.REMOVED ? "-]" : "+}");
            }
        }
        return sb.toString();
    }
}
