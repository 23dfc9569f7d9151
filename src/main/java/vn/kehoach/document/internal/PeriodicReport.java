package vn.kehoach.document.internal;

import java.util.ArrayList;
import java.util.List;

import vn.kehoach.period.Period;
import vn.kehoach.period.PeriodType;

/**
 * The periodic report (báo cáo định kỳ) of a period, written from the plan's own outline: Part 1 reports on the
 * period exactly as a plan's Part 1 does (figures against the plan of that year and the same period a year before),
 * Part 2 gives the directions and tasks for what follows ("phương hướng nhiệm vụ 6 tháng cuối năm 2025"). Offices
 * title a report by the period it covers and the one it plans for, as in "Báo cáo tình hình thực hiện nhiệm vụ phát
 * triển kinh tế - xã hội 9 tháng đầu năm 2018, nhiệm vụ, giải pháp 3 tháng cuối năm"; a year's report plans the
 * next year.
 *
 * @param period the period reported on: a year, six months, a quarter, a month or months from January (lũy kế)
 */
public record PeriodicReport(Period period) {

    /** The kinds of period a report covers; a crop season or a five-year period is not one. */
    private static final List<PeriodType> KINDS = List.of(PeriodType.YEARLY, PeriodType.SIX_MONTHLY,
            PeriodType.QUARTERLY, PeriodType.MONTHLY, PeriodType.YEAR_TO_DATE);
    private static final String[] ROMAN = {"I", "II", "III", "IV"};

    public PeriodicReport {
        if (!KINDS.contains(period.type())) {
            throw new IllegalArgumentException("Kỳ báo cáo '" + period.id() + "' không dùng cho báo cáo định kỳ: dùng năm "
                    + "(2025), 6 tháng (2025S1), quý (2025Q3), lũy kế (2025YTD09) hoặc tháng (202506)");
        }
    }

    /** Whether the report covers the whole year (a year, or twelve months from January). */
    boolean wholeYear() {
        return period.type() == PeriodType.YEARLY
                || (period.type() == PeriodType.YEAR_TO_DATE && period.index() == 12);
    }

    /** "6 tháng đầu năm 2025", "quý III năm 2025", "9 tháng đầu năm 2025", "tháng 6 năm 2025", "năm 2025". */
    public String covered() {
        int y = period.year();
        int i = period.index();
        if (wholeYear()) {
            return "năm " + y;
        }
        return switch (period.type()) {
            case SIX_MONTHLY -> (i == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + y;
            case QUARTERLY -> "quý " + ROMAN[i - 1] + " năm " + y;
            case MONTHLY -> "tháng " + i + " năm " + y;
            case YEAR_TO_DATE -> i + " tháng đầu năm " + y;
            default -> throw new IllegalStateException(period.id());
        };
    }

    /** What the report plans for: "6 tháng cuối năm 2025", "quý IV năm 2025", "3 tháng cuối năm 2025", "năm 2026". */
    public String directions() {
        int y = period.year();
        int i = period.index();
        if (wholeYear()) {
            return "năm " + (y + 1);
        }
        return switch (period.type()) {
            case SIX_MONTHLY -> i == 1 ? "6 tháng cuối năm " + y : "6 tháng đầu năm " + (y + 1);
            case QUARTERLY -> i < 4 ? "quý " + ROMAN[i] + " năm " + y : "quý I năm " + (y + 1);
            case MONTHLY -> i < 12 ? "tháng " + (i + 1) + " năm " + y : "tháng 1 năm " + (y + 1);
            case YEAR_TO_DATE -> (12 - i) + " tháng cuối năm " + y;
            default -> throw new IllegalStateException(period.id());
        };
    }

    /** The year whose tasks the directions list: the period's own, or the next when the period ends the year. */
    public int directionsYear() {
        return period.end().getMonthValue() == 12 ? period.year() + 1 : period.year();
    }

    /** "Tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội 6 tháng đầu năm 2025, phương hướng nhiệm vụ …". */
    public String subtitle() {
        return "Tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội " + covered() + ", phương hướng nhiệm vụ "
                + directions();
    }

    /** The file name a download gets: "BC-KTXH-2025S1-HALANG.docx". */
    public String fileName(String unitCode, String extension, boolean forms) {
        return (forms ? "Bieu-mau-BC-KTXH-" : "BC-KTXH-") + period.id() + "-" + unitCode.toUpperCase() + "." + extension;
    }

    /**
     * The plan's outline turned into the report's: titled "BÁO CÁO" with the report's subtitle, Part 1 titled by the
     * period it covers, the plan's last part (the targets and tasks of the plan year) replaced by the directions —
     * the sections of that part that hold tasks, each listing the tasks of {@link #directionsYear()} — and the first
     * closing line naming the report. Part 1, its paragraphs and the forms are the plan's own, so a report's figures
     * are the plan document's figures for the same period. The strings carry no Mustache tag.
     */
    public Outline outline(Outline plan, String unitNameLower) {
        List<Outline.Part> parts = new ArrayList<>(plan.parts());
        if (!parts.isEmpty()) {
            Outline.Part first = parts.get(0);
            parts.set(0, new Outline.Part(first.label(), "TÌNH HÌNH THỰC HIỆN NHIỆM VỤ PHÁT TRIỂN KINH TẾ - XÃ HỘI "
                    + Printed.upper(covered()), first.items()));
        }
        if (parts.size() > 1) {
            Outline.Part last = parts.get(parts.size() - 1);
            Outline.ClausePeriod year = directionsYear() == period.year() ? Outline.ClausePeriod.REPORT_YEAR
                    : Outline.ClausePeriod.PLAN_YEAR;
            parts.set(parts.size() - 1, new Outline.Part(last.label(),
                    "PHƯƠNG HƯỚNG, NHIỆM VỤ " + Printed.upper(directions()), tasksOnly(last.items(), year)));
        }
        List<String> closing = new ArrayList<>(plan.closing());
        String first = "Trên đây là báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội " + covered()
                + ", phương hướng nhiệm vụ " + directions() + " của " + unitNameLower + "./.";
        if (closing.isEmpty()) {
            closing.add(first);
        } else {
            closing.set(0, first);
        }
        return new Outline(plan.issuer(), "BÁO CÁO", subtitle(), parts, closing, plan.labels(), plan.fields(),
                plan.noTargets());
    }

    /**
     * The plan's forms, attached to the report: a subtitle that says "(Kèm theo Kế hoạch số …)" says "Báo cáo". The
     * tables are the plan's own (result of the period against the plan of its year, and the next year's plan).
     */
    Forms forms(Forms plan) {
        return new Forms(plan.forms().stream().map(f -> new Forms.Form(f.code(), f.title(),
                f.subtitle() == null ? null : f.subtitle().replace("Kèm theo Kế hoạch", "Kèm theo Báo cáo"),
                f.unitNote(), f.tables())).toList());
    }

    /** The items that are tasks, and the sections holding some, each task list reading the given year. */
    private static List<Outline.Item> tasksOnly(List<Outline.Item> items, Outline.ClausePeriod year) {
        List<Outline.Item> out = new ArrayList<>();
        for (Outline.Item i : items) {
            if (i.tasks() != null) {
                Outline.Tasks t = i.tasks();
                out.add(new Outline.Item(null, null, null, null, null, null,
                        new Outline.Tasks(t.text(), t.title(), t.sectors(), t.template(), year)));
            } else if (i.section() != null) {
                List<Outline.Item> inner = tasksOnly(i.items(), year);
                if (!inner.isEmpty()) {
                    out.add(new Outline.Item(i.section(), inner, null, null, null, null, null));
                }
            }
        }
        return out;
    }

    /** The keys of the blocks the report's directions hold: its own, never carried from a plan. */
    public static List<String> directionKeys(Outline plan) {
        List<String> keys = new ArrayList<>();
        if (plan.parts().size() > 1) {
            collectTasks(plan.parts().get(plan.parts().size() - 1).items(), keys);
        }
        return keys;
    }

    private static void collectTasks(List<Outline.Item> items, List<String> keys) {
        for (Outline.Item i : items) {
            if (i.tasks() != null && i.tasks().text() != null) {
                keys.add(i.tasks().text());
            }
            collectTasks(i.items(), keys);
        }
    }
}
