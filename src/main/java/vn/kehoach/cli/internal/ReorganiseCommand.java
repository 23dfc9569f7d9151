package vn.kehoach.cli.internal;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnitDraft;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.orgunit.Reorganisation;
import vn.kehoach.orgunit.Reorganisations;

/**
 * {@code kehoach reorganise list|merge|split|rename|move|dissolve}: reorganisations of the administrative tree, each
 * dated with its decision; values stay on the former units and comparisons follow the lineage.
 */
@Command(name = "reorganise", mixinStandardHelpOptions = true,
        description = {"Sắp xếp đơn vị hành chính: danh sách (list), sáp nhập (merge), chia tách (split), đổi tên (rename),",
                "chuyển đơn vị cấp trên (move), kết thúc một cấp (dissolve). Số liệu cũ giữ nguyên trên đơn vị cũ; so sánh",
                "cùng kỳ tính trên địa giới hiện nay theo quan hệ kế thừa."},
        subcommands = {ReorganiseCommand.ListCommand.class, ReorganiseCommand.MergeCommand.class,
                ReorganiseCommand.SplitCommand.class, ReorganiseCommand.RenameCommand.class,
                ReorganiseCommand.MoveCommand.class, ReorganiseCommand.DissolveCommand.class})
class ReorganiseCommand {

    static final String USER = "cli";

    @ParentCommand
    KeHoachCommand parent;

    /** What every change takes: the day it takes effect, its decision, a note. */
    static class Dated {
        @Option(names = "--date", required = true, paramLabel = "yyyy-mm-dd", description = "Ngày có hiệu lực.")
        LocalDate date;
        @Option(names = "--decision", paramLabel = "TEXT", description = "Căn cứ: \"Nghị quyết 1657/NQ-UBTVQH15 ngày 16/06/2025\".")
        String decision;
        @Option(names = "--note", paramLabel = "TEXT", description = "Ghi chú.")
        String note;
        @Option(names = "--illustrative", description = "Trường hợp minh họa, không phải quyết định thật.")
        boolean illustrative;
    }

    static String render(List<Reorganisation> list) {
        if (list.isEmpty()) {
            return "Chưa có lần sắp xếp đơn vị hành chính nào.\n";
        }
        List<List<String>> rows = new ArrayList<>();
        for (Reorganisation r : list) {
            rows.add(List.of(String.valueOf(r.id()), Numbers.vi().date(r.effectiveDate()), r.kind().label(),
                    lineage(r), TextTable.cut(r.decision() == null ? "" : r.decision(), 48)
                            + (r.illustrative() ? " (minh họa)" : "")));
        }
        return TextTable.render(List.of("Số", "Hiệu lực", "Loại", "Đơn vị", "Căn cứ"), rows, Set.of());
    }

    private static String lineage(Reorganisation r) {
        if (r.lineage().isEmpty()) {
            return String.join(", ", r.units());
        }
        List<String> parts = new ArrayList<>();
        r.bySuccessor().forEach((s, lines) -> parts.add(String.join(" + ", lines.stream().map(l -> l.predecessor()
                + (l.share() == null ? (l.elementCode() == null ? " (không tỷ lệ)" : "")
                : l.share().compareTo(BigDecimal.ONE) == 0 ? "" : " (" + (l.elementCode() == null ? ""
                : l.elementCode() + " ") + Numbers.vi().format(l.share()) + ")")).distinct().toList()) + " → " + s));
        return String.join("; ", parts);
    }

    <T> int run(Function<Reorganisations, T> action) {
        try (ConfigurableApplicationContext ctx = Boot.start(parent, false, Map.of())) {
            T result = action.apply(ctx.getBean(Reorganisations.class));
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            out.print(result instanceof Reorganisation r ? "Đã ghi: " + render(List.of(r)) : render(
                    ctx.getBean(Reorganisations.class).list()));
            out.flush();
        }
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "In các lần sắp xếp, cũ trước.")
    static class ListCommand implements Callable<Integer> {
        @ParentCommand
        ReorganiseCommand cmd;

        @Override
        public Integer call() {
            return cmd.run(Reorganisations::list);
        }
    }

    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = "Sáp nhập các đơn vị thành một (mới, hoặc một trong số đó nhận các đơn vị kia).")
    static class MergeCommand extends Dated implements Callable<Integer> {
        @ParentCommand
        ReorganiseCommand cmd;
        @Option(names = "--from", required = true, split = ",", paramLabel = "CODE", description = "Các đơn vị cũ, cách nhau dấu phẩy.")
        List<String> from;
        @Option(names = "--into", required = true, paramLabel = "CODE", description = "Mã đơn vị sau sáp nhập.")
        String into;
        @Option(names = "--name", paramLabel = "TEXT", description = "Tên đơn vị mới (khi --into là mã mới).")
        String name;
        @Option(names = "--kind", defaultValue = "COMMUNE", description = "Loại đơn vị mới: ${COMPLETION-CANDIDATES}.")
        OrgUnitKind kind;
        @Option(names = "--parent", paramLabel = "CODE", description = "Đơn vị cấp trên của đơn vị mới.")
        String parentCode;

        @Override
        public Integer call() {
            return cmd.run(r -> r.merge(from, new OrgUnitDraft(into, name == null ? into : name, kind, parentCode, date,
                    null), date, decision, note, illustrative, USER));
        }
    }

    @Command(name = "split", mixinStandardHelpOptions = true,
            description = {"Chia tách một đơn vị thành nhiều đơn vị. Tỷ lệ phân chia số liệu: --share CODE=0.4 (mọi chỉ tiêu)",
                    "hoặc --share CODE:ELEMENT=0.4; đơn vị không có tỷ lệ thì so với cùng kỳ là không so sánh được."})
    static class SplitCommand extends Dated implements Callable<Integer> {
        @ParentCommand
        ReorganiseCommand cmd;
        @Option(names = "--from", required = true, paramLabel = "CODE", description = "Đơn vị bị chia tách.")
        String from;
        @Option(names = "--into", required = true, split = ",", paramLabel = "CODE=Tên",
                description = "Các đơn vị mới: MA=Tên, cách nhau dấu phẩy (mã đã có thì nhận phần chia).")
        List<String> into;
        @Option(names = "--kind", defaultValue = "COMMUNE", description = "Loại các đơn vị mới.")
        OrgUnitKind kind;
        @Option(names = "--parent", paramLabel = "CODE", description = "Đơn vị cấp trên của các đơn vị mới.")
        String parentCode;
        @Option(names = "--share", paramLabel = "CODE[:ELEMENT]=TỶ LỆ", description = "Tỷ lệ phân chia (0–1).")
        List<String> shares = new ArrayList<>();

        @Override
        public Integer call() {
            List<OrgUnitDraft> drafts = Reorganisations.parseUnits(into, kind, parentCode, date);
            Map<String, Map<String, BigDecimal>> map = Reorganisations.parseShares(shares);
            return cmd.run(r -> r.split(from, drafts, map, date, decision, note, illustrative, USER));
        }
    }

    @Command(name = "rename", mixinStandardHelpOptions = true, description = "Đổi tên đơn vị (tên cũ giữ trong lịch sử).")
    static class RenameCommand extends Dated implements Callable<Integer> {
        @ParentCommand
        ReorganiseCommand cmd;
        @Option(names = "--unit", required = true, paramLabel = "CODE")
        String unit;
        @Option(names = "--name", required = true, paramLabel = "TEXT", description = "Tên mới.")
        String name;

        @Override
        public Integer call() {
            return cmd.run(r -> r.rename(unit, name, date, decision, note, illustrative, USER));
        }
    }

    @Command(name = "move", mixinStandardHelpOptions = true,
            description = "Chuyển đơn vị (cùng cây con và số liệu) sang đơn vị cấp trên khác.")
    static class MoveCommand extends Dated implements Callable<Integer> {
        @ParentCommand
        ReorganiseCommand cmd;
        @Option(names = "--unit", required = true, paramLabel = "CODE")
        String unit;
        @Option(names = "--to", required = true, paramLabel = "CODE", description = "Đơn vị cấp trên mới.")
        String to;

        @Override
        public Integer call() {
            return cmd.run(r -> r.move(unit, to, date, decision, note, illustrative, USER));
        }
    }

    @Command(name = "dissolve", mixinStandardHelpOptions = true,
            description = "Kết thúc một cấp (như cấp huyện từ 01/07/2025): cơ quan trực thuộc kết thúc, đơn vị hành chính còn hiệu lực chuyển lên cấp trên.")
    static class DissolveCommand extends Dated implements Callable<Integer> {
        @ParentCommand
        ReorganiseCommand cmd;
        @Option(names = "--unit", required = true, paramLabel = "CODE")
        String unit;

        @Override
        public Integer call() {
            return cmd.run(r -> r.dissolve(unit, date, decision, note, illustrative, USER));
        }
    }
}
