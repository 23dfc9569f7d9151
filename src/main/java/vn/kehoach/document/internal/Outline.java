package vn.kehoach.document.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The layout of a plan document (bố cục văn bản), as a unit configures it: the letterhead lines, the title, the
 * parts with their numbered sections, and in them free-text blocks, generated paragraphs, the list of next year's
 * targets and the tasks per sector. Headings and closing lines are Mustache templates over the document's data
 * ({{year}}, {{previousYear}}, {{unitName}}…).
 *
 * @param issuer    the issuing body's lines (tên cơ quan ban hành), the last one bold
 * @param labels    how sentences name a figure when the item gives no label (code → label)
 * @param fields    the groups of Part 2's targets, in order (a sector's field → heading)
 * @param noTargets printed in place of the targets when the year has none
 */
public record Outline(List<String> issuer, String title, String subtitle, List<Part> parts, List<String> closing,
                      Map<String, String> labels, List<FieldGroup> fields, String noTargets) {

    public Outline {
        issuer = issuer == null ? List.of() : List.copyOf(issuer);
        parts = parts == null ? List.of() : List.copyOf(parts);
        closing = closing == null ? List.of() : List.copyOf(closing);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** Phần thứ nhất / Phần thứ hai: a label line and a title line, then the items. */
    public record Part(String label, String title, List<Item> items) {
        public Part {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /**
     * One item of a part or section: exactly one of a numbered {@code section} (with its own items), a free-text
     * block ({@code text}: its key, with {@code title} for the editor), a generated {@code paragraph}, the list of
     * next year's {@code targets}, or the {@code tasks} of some sectors.
     */
    public record Item(String section, List<Item> items, String text, String title, Paragraph paragraph,
                       TargetList targets, Tasks tasks) {
        public Item {
            items = items == null ? List.of() : List.copyOf(items);
        }

        /** How many of the alternatives the item sets; one is right. */
        int kinds() {
            int n = 0;
            for (Object o : new Object[] {section, text, paragraph, targets, tasks}) {
                n += o == null ? 0 : 1;
            }
            return n;
        }
    }

    /**
     * A generated paragraph: {@code prefix}, then each clause's sentence joined by {@code separator} (a clause may
     * set its own), then {@code suffix}; {@code footnote} is a paragraph of details put in a footnote (chú thích)
     * after it. With {@code projects}, the paragraph lists the public-investment projects instead (HANDED_OVER:
     * those handed over in the period), and is left out when there are none.
     */
    public record Paragraph(String prefix, List<Clause> clauses, String separator, String suffix, Paragraph footnote,
                            ProjectList projects) {
        public Paragraph {
            clauses = clauses == null ? List.of() : List.copyOf(clauses);
        }

        String separatorOrDefault() {
            return separator == null ? "; " : separator;
        }
    }

    public enum ProjectList { HANDED_OVER, ALL }

    /**
     * One figure's sentence: {@code template} names a sentence template (mẫu câu), {@code label} how the sentence
     * names the figure (a Mustache template over the document's data), {@code issuer} whose target it is measured
     * against when several set one, {@code period} which period it reads, {@code suffix} the words after the
     * figure that belong to it (" đang hoạt động trên địa bàn"): left out with the clause when it has no value,
     * where a paragraph's suffix would be left orphaned.
     */
    public record Clause(String figure, String template, String label, String issuer, String separator,
                         ClausePeriod period, String suffix) {
    }

    /**
     * The period a clause reads: the report period (2021S1, the default), the whole year of the report period
     * (2021: posts assigned for the year), the year before it (2020: last year's index) or the plan year (2022).
     */
    public enum ClausePeriod {
        REPORT, REPORT_YEAR, YEAR_BEFORE, PLAN_YEAR;

        vn.kehoach.period.Period of(vn.kehoach.period.Period report, int planYear) {
            return switch (this) {
                case REPORT -> report;
                case REPORT_YEAR -> vn.kehoach.period.Period.year(report.year());
                case YEAR_BEFORE -> vn.kehoach.period.Period.year(report.year() - 1);
                case PLAN_YEAR -> vn.kehoach.period.Period.year(planYear);
            };
        }
    }

    /** Part 2's main targets for the year, grouped as {@link Outline#fields()} says, each in the given template. */
    public record TargetList(String template) {
    }

    /**
     * The tasks and solutions of some sectors: the plan tasks of those sectors where a task module supplies them,
     * introduced by the free-text block {@code text} (titled {@code title}); without tasks, the block is the list.
     * {@code period} says whose year's tasks: the plan year's (the default) or, in a periodic report's directions
     * for the rest of its year, the report period's year (REPORT_YEAR).
     */
    public record Tasks(String text, String title, List<String> sectors, String template, ClausePeriod period) {
        public Tasks {
            sectors = sectors == null ? List.of() : List.copyOf(sectors);
        }
    }

    /** A group of Part 2's targets: the figures whose sector belongs to {@code field}. */
    public record FieldGroup(String field, String heading) {
    }

    /** Every free-text block the outline holds, in document order: key, title and the section it sits in. */
    public List<BlockSlot> blockSlots() {
        List<BlockSlot> out = new ArrayList<>();
        for (Part p : parts) {
            collect(p.items(), p.title(), out);
        }
        return out;
    }

    private static void collect(List<Item> items, String where, List<BlockSlot> out) {
        for (Item i : items) {
            if (i.text() != null) {
                out.add(new BlockSlot(i.text(), i.title() == null ? i.text() : i.title(), where));
            }
            if (i.tasks() != null && i.tasks().text() != null) {
                out.add(new BlockSlot(i.tasks().text(), i.tasks().title() == null ? i.tasks().text() : i.tasks().title(), where));
            }
            if (i.section() != null) {
                collect(i.items(), i.section(), out);
            }
        }
    }

    /** A free-text block's place in the outline. */
    public record BlockSlot(String key, String title, @JsonProperty("section") String section) {
    }
}
