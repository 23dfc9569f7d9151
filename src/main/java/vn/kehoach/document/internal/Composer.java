package vn.kehoach.document.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.Sector;
import vn.kehoach.comparison.ComparisonEngine;
import vn.kehoach.document.PlanDocument;
import vn.kehoach.document.internal.Composition.Block;
import vn.kehoach.document.internal.Composition.Heading;
import vn.kehoach.document.internal.Composition.Level;
import vn.kehoach.document.internal.Composition.Para;
import vn.kehoach.document.internal.Composition.Run;
import vn.kehoach.document.spi.InvestmentLine;
import vn.kehoach.document.spi.InvestmentProjects;
import vn.kehoach.document.spi.PlanTaskLine;
import vn.kehoach.document.spi.PlanTasks;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;

/**
 * Lays out a plan document from the unit's settings, its stored text blocks and its figures: every sentence about a
 * figure is written by a sentence template from the comparison engine's numbers, never typed.
 */
@Component
public class Composer {

    /** Nghị định 30/2020/NĐ-CP, Phụ lục I: quốc hiệu and tiêu ngữ, as the law writes them. */
    static final String NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";
    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
            "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"};

    private final ComparisonEngine engine;
    private final Catalog catalog;
    private final OrgUnits orgUnits;
    private final ObjectProvider<InvestmentProjects> projects;
    private final ObjectProvider<PlanTasks> tasks;

    public Composer(ComparisonEngine engine, Catalog catalog, OrgUnits orgUnits,
                    ObjectProvider<InvestmentProjects> projects, ObjectProvider<PlanTasks> tasks) {
        this.engine = engine;
        this.catalog = catalog;
        this.orgUnits = orgUnits;
        this.projects = projects;
        this.tasks = tasks;
    }

    /** The document laid out; {@code blocks} are the stored texts by key. */
    public Composition compose(OrgUnit unit, PlanDocument doc, Settings.Setup setup, Map<String, String> blocks) {
        Facts facts = new Facts(unit, doc.reportPeriod(), Period.year(doc.year()), engine, orgUnits,
                catalog.figures(), catalog.units());
        // The unit's name as it was on the document's date: the letterhead of a 2021 plan names the unit of 2021.
        DocumentView dv = view(orgUnits.onDay(unit, doc.issuedOn()), doc);
        Work w = new Work(facts, setup, setup.sentences(), blocks, dv);
        Outline o = setup.outline();
        List<String> issuer = o.issuer().stream().map(l -> Sentences.text("tên cơ quan", l, dv)).toList();
        String number = "Số: " + (doc.number() == null || doc.number().isBlank() ? "      " : doc.number()) + "/" + doc.symbol();
        var letterhead = new Composition.Letterhead(issuer, number, NATIONAL_NAME, MOTTO,
                Printed.dateLine(doc.place(), doc.issuedOn()));
        List<Block> body = new ArrayList<>();
        for (Outline.Part part : o.parts()) {
            if (part.label() != null) {
                body.add(new Heading(Level.PART_LABEL, Sentences.text("phần", part.label(), dv)));
            }
            if (part.title() != null) {
                body.add(new Heading(Level.PART_TITLE, Sentences.text("phần", part.title(), dv)));
            }
            int start = body.size();
            items(w, part.items(), 0, "", body, "");
            if (!printed(body.subList(start, body.size()))) {
                // A part with nothing to print (a unit with no figures for the period and no text yet) says so in a
                // sentence, rather than leaving its title over nothing.
                body.add(Para.of("Phần này chưa có nội dung: chưa có đoạn văn nào và hệ thống chưa nhận được số liệu "
                        + dv.reportPeriod() + " của " + dv.unitNameLower() + "."));
            }
        }
        List<Block> closing = o.closing().stream().map(l -> (Block) Para.of(Sentences.text("đoạn kết", l, dv))).toList();
        var signature = new Composition.Signature("Nơi nhận:", doc.recipients(), doc.signerLines(), doc.signerName());
        List<FormTable> forms = new FormBuilder(facts, dv, projectLines(unit, doc.reportPeriod())).build(setup.forms());
        return new Composition(letterhead, Sentences.text("tên loại", o.title(), dv),
                Sentences.text("trích yếu", o.subtitle(), dv), body, closing, signature, forms, w.notes().omissions);
    }

    /**
     * The periodic report of {@code report}'s period, from the plan's outline turned by {@link PeriodicReport}:
     * {@code layout} is the report's letterhead in the shape of the plan of the year after its period (whose Part 1
     * reports on that period), so Part 1 and the forms are composed exactly as that plan's.
     */
    public Composition composeReport(OrgUnit unit, PlanDocument layout, PeriodicReport report, Settings.Setup setup,
                                     Map<String, String> blocks) {
        Settings.Setup turned = new Settings.Setup(report.outline(setup.outline(), Printed.lowerFirst(unit.name())),
                setup.sentenceSources(), report.forms(setup.forms()));
        return compose(unit, layout, turned, blocks);
    }

    /** The document's own data for headings and titles, with the words of the unit's level at its date. */
    public static DocumentView view(OrgUnit unit, PlanDocument doc) {
        Period r = doc.reportPeriod();
        Wording w = Wording.of(unit.kind(), unit.name(), doc.issuedOn());
        return new DocumentView(String.valueOf(doc.year()), String.valueOf(doc.year() - 1), unit.name(),
                Printed.lowerFirst(unit.name()), Printed.upper(unit.name()), doc.place(), Printed.lowerFirst(r.label()),
                Printed.upper(r.label()), Numbers.vi().date(r.end()), String.valueOf(r.year()),
                String.valueOf(r.year() - 1), doc.number() == null ? "" : doc.number(), doc.symbol(), Numbers.vi().date(doc.issuedOn()),
                w.levelName(), w.levelNameUpper(), w.whole(), w.committee(), w.council(), w.partyCommittee(),
                w.subUnits(), w.subUnitsCapital(), w.subUnitsUpper(), w.taxOffice(), w.planningOffice());
    }

    private List<InvestmentLine> projectLines(OrgUnit unit, Period period) {
        InvestmentProjects source = projects.getIfAvailable();
        return source == null ? List.of() : source.lines(unit, period);
    }

    /** What one composition carries through its items. */
    private record Work(Facts facts, Settings.Setup setup, Sentences sentences, Map<String, String> blocks,
                        DocumentView dv, Notes notes) {

        Work(Facts facts, Settings.Setup setup, Sentences sentences, Map<String, String> blocks, DocumentView dv) {
            this(facts, setup, sentences, blocks, dv, new Notes());
        }
    }

    /** What a composition gathers as it goes: the clauses it left out, and whether the illustrative note is given. */
    private static final class Notes {
        final List<Composition.Omission> omissions = new ArrayList<>();
        boolean illustrativeNoted;
    }

    /** A generated sentence and whether it printed an illustrative number. */
    private record Written(String text, boolean illustrative) {
    }

    /**
     * Lays out the items of a part or section. A section whose items print nothing in the files (blocks not written,
     * paragraphs left out) gets no heading and no number there, so the files have no bare headings and the numbering
     * runs on; the preview still shows it, greyed, with its placeholders, so the planner sees what is missing.
     */
    /**
     * Lays out the items of a part or section into {@code out}; {@code section} is the heading they stand under (with
     * its number), named by what the preview lists as left out.
     */
    private void items(Work w, List<Outline.Item> items, int depth, String parentNumber, List<Block> out, String section) {
        int n = 0;
        for (Outline.Item item : items) {
            if (item.section() != null) {
                String number = number(depth, parentNumber, n + 1);
                String title = Sentences.text("mục", item.section(), w.dv());
                List<Block> inside = new ArrayList<>();
                items(w, item.items(), depth + 1, number, inside, number + " " + title);
                if (printed(inside)) {
                    n++;
                    out.add(new Heading(level(depth), number + " " + title));
                } else {
                    out.add(new Para(List.of(Run.text("(Không in mục “" + title + "”: chưa có nội dung)")), true,
                            Composition.Origin.omitted(level(depth))));
                }
                out.addAll(inside);
            } else if (item.text() != null) {
                out.addAll(textBlock(w.blocks().get(item.text()), item.title() == null ? item.text() : item.title(),
                        item.text()));
            } else if (item.paragraph() != null) {
                Para p = paragraph(w, item.paragraph(), section);
                if (p != null) {
                    out.add(p.from(generated(w, item.paragraph())));
                }
            } else if (item.targets() != null) {
                int start = out.size();
                n = targets(w, item.targets(), depth, parentNumber, n, out);
                markGenerated(out, start, List.of("TARGETS"), List.of("chỉ tiêu kế hoạch năm " + w.dv().year()));
            } else if (item.tasks() != null) {
                int start = out.size();
                taskLines(w, item.tasks(), out);
                markGenerated(out, start, List.of("TASKS"), List.of("nhiệm vụ kế hoạch"));
            }
        }
    }

    /** Whether any of the blocks is printed in the files (a heading is there only when its section prints). */
    private static boolean printed(List<Block> blocks) {
        return blocks.stream().anyMatch(b -> b instanceof Heading || b instanceof Para p && !p.placeholder());
    }

    /** Where a generated paragraph comes from: its clauses' figures, named as its sentences name them. */
    private static Composition.Origin generated(Work w, Outline.Paragraph p) {
        List<String> figures = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Outline.Clause c : p.clauses()) {
            figures.add(c.figure());
            String label = c.label() != null ? Sentences.text("nhãn", c.label(), w.dv())
                    : w.setup().outline().labels().get(c.figure());
            labels.add(label == null ? c.figure() : label);
        }
        if (p.projects() != null) {
            figures.add("PROJECTS");
            labels.add("danh sách công trình");
        }
        return Composition.Origin.generated(figures, labels);
    }

    /** Marks the paragraphs added from {@code start} on as written by the system. */
    private static void markGenerated(List<Block> out, int start, List<String> figures, List<String> labels) {
        for (int i = start; i < out.size(); i++) {
            if (out.get(i) instanceof Para p && !p.placeholder() && p.origin() == null) {
                out.set(i, p.from(Composition.Origin.generated(figures, labels)));
            }
        }
    }

    /** "I.", "1.", "2.1.": Roman numerals for sections, numbers below them, dotted below that. */
    private static String number(int depth, String parent, int n) {
        return switch (depth) {
            case 0 -> (n <= ROMAN.length ? ROMAN[n - 1] : String.valueOf(n)) + ".";
            case 1 -> n + ".";
            default -> parent + n + ".";
        };
    }

    private static Level level(int depth) {
        return switch (depth) {
            case 0 -> Level.SECTION;
            case 1 -> Level.SUBSECTION;
            default -> Level.TOPIC;
        };
    }

    /** A free-text block: one paragraph a line, "^[…]" a footnote; not written yet, a placeholder. */
    static List<Block> textBlock(String body, String title) {
        return textBlock(body, title, null);
    }

    /** The same, each paragraph marked with the block's {@code key} (the Word file's content control). */
    static List<Block> textBlock(String body, String title, String key) {
        Composition.Origin origin = key == null ? null : Composition.Origin.block(key, title);
        if (body == null || body.isBlank()) {
            return List.of(new Para(List.of(Run.text("(Chưa viết: " + title + ")")), true, origin));
        }
        List<Block> out = new ArrayList<>();
        for (String line : body.split("\\R")) {
            if (!line.isBlank()) {
                out.add(new Para(runs(line.strip()), false, origin));
            }
        }
        return out;
    }

    /** Splits "text^[note] more" into runs; brackets inside a note nest. */
    static List<Run> runs(String line) {
        List<Run> runs = new ArrayList<>();
        int i = 0;
        StringBuilder text = new StringBuilder();
        while (i < line.length()) {
            int start = line.indexOf("^[", i);
            if (start < 0) {
                text.append(line, i, line.length());
                break;
            }
            int depth = 0;
            int end = -1;
            for (int j = start + 1; j < line.length(); j++) {
                char ch = line.charAt(j);
                if (ch == '[') {
                    depth++;
                } else if (ch == ']' && --depth == 0) {
                    end = j;
                    break;
                }
            }
            if (end < 0) {
                text.append(line, i, line.length());
                break;
            }
            text.append(line, i, start);
            if (!text.isEmpty()) {
                runs.add(Run.text(text.toString()));
                text.setLength(0);
            }
            runs.add(Run.note(line.substring(start + 2, end).strip()));
            i = end + 1;
        }
        if (!text.isEmpty()) {
            runs.add(Run.text(text.toString()));
        }
        return runs;
    }

    /**
     * A generated paragraph, or null when nothing is left of it: every clause without a value (and no footnote
     * with one), or a list of projects that is empty. A footnote left alone by its sentence stands in its place
     * ("- Kết quả gieo trồng: Lúa xuân: …"), so its figures are not lost. The first paragraph with an illustrative
     * number carries the note that says what the mark means.
     */
    private Para paragraph(Work w, Outline.Paragraph p, String section) {
        Written main = sentence(w, p, section);
        Written note = p.footnote() == null ? null : sentence(w, p.footnote(), section);
        if (main == null) {
            if (note == null) {
                return null;
            }
            main = new Written(Sentences.fragment("đoạn", p.prefix(), w.dv()) + note.text(), note.illustrative());
            note = null;
        }
        List<Run> notes = new ArrayList<>();
        if (note != null) {
            notes.add(Run.note(note.text()));
        }
        String text = main.text();
        List<Run> runs = new ArrayList<>();
        if ((main.illustrative() || note != null && note.illustrative()) && !w.notes().illustrativeNoted) {
            w.notes().illustrativeNoted = true;
            int mark = main.illustrative() ? text.indexOf(FigureView.ILLUSTRATIVE_MARK) : -1;
            if (mark >= 0) {
                // The note's mark stands on the first marked number ("99,6%*¹"), apart from the sentence's own note.
                int cut = mark + FigureView.ILLUSTRATIVE_MARK.length();
                runs.add(Run.text(text.substring(0, cut)));
                runs.add(Run.note(FormTable.ILLUSTRATIVE_NOTE));
                text = text.substring(cut);
            } else {
                // Only the footnote shows one: the explanation closes that footnote, never a second mark beside it.
                notes.set(0, Run.note(note.text() + " " + FormTable.ILLUSTRATIVE_NOTE));
            }
        }
        // A mark goes before the final full stop, as the seed's "(…cụ thể tăng 35,4 ha)¹." does.
        if (!notes.isEmpty() && text.endsWith(".")) {
            runs.add(Run.text(text.substring(0, text.length() - 1)));
            runs.addAll(notes);
            runs.add(Run.text("."));
        } else {
            runs.add(Run.text(text));
            runs.addAll(notes);
        }
        runs.removeIf(r -> r.footnote() == null && r.text().isEmpty());
        return new Para(runs, false);
    }

    /**
     * A paragraph's sentence from the clauses that have something to say. A clause whose figure has no value in its
     * period (or whose template prints nothing, as an outbreak in no commune) is left out with its own separator and
     * suffix, and recorded with the reason; the first clause kept follows the prefix directly, each next one keeps
     * its own separator. Null when no clause is left: no orphan prefix or suffix.
     */
    private Written sentence(Work w, Outline.Paragraph p, String section) {
        String prefix = Sentences.fragment("đoạn", p.prefix(), w.dv());
        StringBuilder sb = new StringBuilder();
        boolean illustrative = false;
        if (p.projects() != null) {
            List<String> names = projects(w, p.projects());
            if (names.isEmpty()) {
                return null;
            }
            sb.append(String.join(p.separatorOrDefault(), names));
        }
        for (Outline.Clause c : p.clauses()) {
            String label = c.label() != null ? Sentences.text("nhãn", c.label(), w.dv())
                    : w.setup().outline().labels().get(c.figure());
            Period period = (c.period() == null ? Outline.ClausePeriod.REPORT : c.period())
                    .of(w.facts().report, w.facts().planYear.year());
            FigureView v = w.facts().view(c.figure(), label, c.issuer(), period);
            String template = c.template() == null ? "result" : c.template();
            String clause = v.hasValue() ? w.sentences().render(template, v) : "";
            if (clause.isBlank()) {
                w.notes().omissions.add(new Composition.Omission(c.figure(),
                        label != null ? label : w.facts().figure(c.figure()).name(), section, v.period(), reason(v, template)));
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append(c.separator() != null ? c.separator() : p.separatorOrDefault());
            }
            sb.append(clause).append(Sentences.fragment("vế", c.suffix(), w.dv()));
            illustrative |= v.anyIllustrative() && clause.contains(FigureView.ILLUSTRATIVE_MARK);
        }
        if (sb.isEmpty()) {
            return null;
        }
        String body = sb.toString();
        if (prefix.isBlank() || prefix.endsWith("- ")) {
            // A sentence starts with a capital even when its first clause was not meant to be first.
            body = Printed.upper(body.substring(0, 1)) + body.substring(1);
        }
        return new Written(prefix + body + Sentences.fragment("đoạn", p.suffix(), w.dv()), illustrative);
    }

    /** Why a clause was left out, as the preview tells the planner. */
    private static String reason(FigureView v, String template) {
        if (!v.hasValue()) {
            return "chưa có số liệu " + v.period();
        }
        if (v.zero()) {
            return "số liệu bằng 0, không có gì để nêu";
        }
        return "không có đơn vị cấp dưới nào có số liệu (mẫu câu '" + template + "' không in gì)";
    }

    private List<String> projects(Work w, Outline.ProjectList which) {
        Period r = w.facts().report;
        return projectLines(w.facts().unit, r).stream()
                .filter(l -> which == Outline.ProjectList.ALL || (l.handedOver() != null
                        && !l.handedOver().isBefore(r.start()) && !l.handedOver().isAfter(r.end())))
                .map(InvestmentLine::name).toList();
    }

    /** Part 2's targets, grouped by field ("2.1. Lĩnh vực Kinh tế"), one bullet each. */
    private int targets(Work w, Outline.TargetList spec, int depth, String parentNumber, int n, List<Block> out) {
        Facts f = w.facts();
        var rows = f.comparisons(f.unit, f.planYear).stream().filter(c -> c.target() != null).toList();
        if (rows.isEmpty()) {
            String none = w.setup().outline().noTargets();
            out.add(Para.of(Sentences.text("noTargets", none == null ? "Chưa có chỉ tiêu kế hoạch năm {{year}}." : none, w.dv())));
            return n;
        }
        Map<String, Sector> sectors = new java.util.HashMap<>();
        catalog.sectors().forEach(s -> sectors.put(s.code(), s));
        List<Outline.FieldGroup> groups = new ArrayList<>(w.setup().outline().fields());
        java.util.Set<String> listed = new java.util.HashSet<>();
        groups.forEach(g -> listed.add(g.field()));
        // Fields the outline does not name still get their targets printed, under their own name.
        catalog.sectors().stream().map(Sector::field).filter(java.util.Objects::nonNull).distinct()
                .filter(fl -> !listed.contains(fl)).forEach(fl -> groups.add(new Outline.FieldGroup(fl, "Lĩnh vực " + fl)));
        String template = spec.template() == null ? "target" : spec.template();
        for (Outline.FieldGroup g : groups) {
            List<String> lines = new ArrayList<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (var c : rows) {
                Sector s = sectors.get(c.figure().sectorCode());
                if (s == null || !g.field().equals(s.field()) || !seen.add(c.figure().code() + "|" + c.target().issuer())) {
                    continue;
                }
                String label = w.setup().outline().labels().get(c.figure().code());
                FigureView v = f.view(c.figure().code(), label, c.target().issuer().name(), f.planYear);
                lines.add(w.sentences().renderTarget(template, v));
            }
            if (lines.isEmpty()) {
                continue;
            }
            n++;
            out.add(new Heading(level(depth), number(depth, parentNumber, n) + " " + g.heading()));
            for (String l : lines) {
                out.add(Para.of("- " + l + (l.endsWith(".") ? "" : ".")));
            }
        }
        return n;
    }

    /**
     * A tasks item, each task once. Where the task module has tasks of the item's sectors, they are the list,
     * grouped by sector in the item's order, and the planner's block is only their introduction (printed before
     * them when written, no placeholder when not): the same task is never both in the prose and in the list. Without
     * tasks, the planner's block is the list. A task led by the issuing unit itself names no lead ("Huyện Hạ Lang
     * chủ trì" in Huyện Hạ Lang's own plan says nothing); its deadline is kept.
     */
    private void taskLines(Work w, Outline.Tasks spec, List<Block> out) {
        PlanTasks source = tasks.getIfAvailable();
        int year = (spec.period() == null ? Outline.ClausePeriod.PLAN_YEAR : spec.period())
                .of(w.facts().report, w.facts().planYear.year()).year();
        List<PlanTaskLine> all = source == null ? List.of() : source.tasks(w.facts().unit, year);
        List<PlanTaskLine> mine = new ArrayList<>();
        for (String sector : spec.sectors()) {
            all.stream().filter(t -> sector.equals(t.sectorCode())).forEach(mine::add);
        }
        String intro = w.blocks().get(spec.text());
        if (mine.isEmpty() || (intro != null && !intro.isBlank())) {
            out.addAll(textBlock(intro, spec.title() == null ? spec.text() : spec.title(), spec.text()));
        }
        String template = spec.template() == null ? "task" : spec.template();
        String self = w.facts().unit.name();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (PlanTaskLine t : mine) {
            if (!seen.add(t.text().strip())) {
                continue;
            }
            String lead = t.leadAgency() == null || t.leadAgency().strip().equalsIgnoreCase(self) ? "" : t.leadAgency().strip();
            String text = t.text().strip();
            // The template closes the sentence after the lead and deadline: a full stop of the task's own goes.
            text = text.endsWith(".") && !text.endsWith("...") ? text.substring(0, text.length() - 1) : text;
            TaskView v = new TaskView(text, lead, t.deadline() == null ? "" : Numbers.vi().date(t.deadline()));
            out.add(Para.of(w.sentences().renderTask(template, v)));
        }
    }
}
