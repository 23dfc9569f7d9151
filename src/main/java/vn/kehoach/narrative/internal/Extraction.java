package vn.kehoach.narrative.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.kehoach.narrative.Proposal;
import vn.kehoach.narrative.internal.Mentions.Num;
import vn.kehoach.narrative.internal.Mentions.Ratio;
import vn.kehoach.period.Period;

/**
 * Reads figures out of a report: each "a/b unit" as a value and a target, each "… đạt|được|là N unit" as a value
 * (or, in the plan part, a target), with the words before it as its subject and the period its heading sets
 * ("6 tháng đầu năm 2021", "kế hoạch năm 2022"). Matching the subject to the catalog is left to a {@link NameMatcher}.
 */
public final class Extraction {

    /** A figure read from the text, before it is matched. */
    public record Raw(Proposal.Type type, String subject, BigDecimal value, String unit, String period, boolean estimate,
                      String sentence) {
    }

    private static final Pattern HALF = Pattern.compile("6 tháng đầu năm (\\d{4})", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTHS = Pattern.compile("(\\d{1,2}) tháng (?:đầu )?năm (\\d{4})", Pattern.CASE_INSENSITIVE);
    private static final Pattern PLAN_YEAR = Pattern.compile("(?:kế hoạch|chỉ tiêu)[^.]{0,60}năm (\\d{4})", Pattern.CASE_INSENSITIVE);
    private static final Pattern PART_TWO = Pattern.compile("phần thứ hai|dự kiến các chỉ tiêu|mục tiêu và các chỉ tiêu",
            Pattern.CASE_INSENSITIVE);
    /** "Chỉ số CCHC cấp huyện năm 2020 đạt 76,46%": a figure of its own year, not the section's period. */
    private static final Pattern YEAR_IN_SUBJECT = Pattern.compile("năm (\\d{4})\\b");
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[,;:()]|\\s-\\s|\\bvà\\b");

    private Extraction() {
    }

    public static List<Raw> of(ReportText text) {
        List<Raw> out = new ArrayList<>();
        String period = null;
        String planYear = null;
        boolean planPart = false;
        for (ReportText.Sentence sentence : text.sentences()) {
            String s = sentence.text();
            if (sentence.footnote()) {
                // Footnotes detail the results part (the seed's crop table, works handed over).
                read(s, false, period, out);
                continue;
            }
            Matcher m = HALF.matcher(s);
            if (!planPart && m.find()) {
                period = m.group(1) + "S1";
            } else if (!planPart && (m = MONTHS.matcher(s)).find() && !m.group(1).equals("6")) {
                int months = Integer.parseInt(m.group(1));
                if (months >= 1 && months <= 12) {
                    period = Period.yearToDate(Integer.parseInt(m.group(2)), months).id();
                }
            }
            if (PART_TWO.matcher(s).find()) {
                planPart = true;
            }
            Matcher y = PLAN_YEAR.matcher(s);
            if (y.find() && (planPart || planYear == null)) {
                planYear = y.group(1);
            }
            read(s, planPart, planPart ? planYear : period, out);
        }
        return out;
    }

    private static void read(String s, boolean planPart, String period, List<Raw> out) {
        List<Num> nums = Mentions.numbers(s);
        List<Ratio> ratios = Mentions.ratios(s, nums);
        for (Ratio r : ratios) {
            String subject = subject(s, r.start());
            boolean estimate = estimate(s, r.start());
            out.add(new Raw(Proposal.Type.VALUE, subject, r.actual().value(), r.unit(), period, estimate, s));
            out.add(new Raw(Proposal.Type.TARGET, subject, r.plan().value(), r.unit(), period, false, s));
        }
        for (int i = 0; i < nums.size(); i++) {
            Num n = nums.get(i);
            if (n.unit() == null || n.looksLikeYear() || inRatio(n, ratios)) {
                continue;
            }
            String before = s.substring(Math.max(0, n.start() - 14), n.start()).toLowerCase();
            String after = s.substring(n.end(), Math.min(s.length(), n.end() + 24)).toLowerCase();
            if (n.percent() && (after.matches("^\\s?%\\s*(kh|kế hoạch|dự toán|chỉ tiêu|so).*")
                    || before.matches(".*(tăng|giảm)\\s*$"))) {
                continue;
            }
            if (before.matches(".*(tăng|giảm)\\s*$")) {
                continue;
            }
            String subject = subject(s, n.start());
            if (n.unit().contains("/") || NameMatcher.words(subject).isEmpty()) {
                // "Đạt 25 giường bệnh/1 vạn dân": the unit names the figure.
                subject = (subject + " " + n.unit()).strip();
            }
            if (NameMatcher.words(subject).isEmpty()) {
                continue;
            }
            Proposal.Type type = planPart ? Proposal.Type.TARGET : Proposal.Type.VALUE;
            Matcher year = YEAR_IN_SUBJECT.matcher(subject);
            String own = !planPart && year.find() && period != null && !period.startsWith(year.group(1))
                    ? year.group(1) : period;
            out.add(new Raw(type, subject, n.value(), n.unit(), own, estimate(s, n.start()), s));
        }
    }

    private static boolean inRatio(Num n, List<Ratio> ratios) {
        return ratios.stream().anyMatch(r -> r.actual() == n || r.plan() == n);
    }

    /**
     * The words before the number back to the previous clause break, with the label of a "Label: …" that opens
     * the sentence or the clause ("Lúa xuân: Diện tích 335/345 ha").
     */
    static String subject(String s, int at) {
        String head = s.substring(0, at);
        Matcher m = CLAUSE_BREAK.matcher(head);
        int last = 0;
        while (m.find()) {
            last = m.end();
        }
        String local = head.substring(last).strip();
        for (int back = 0; back < 3 && NameMatcher.words(local).size() < 2 && last > 0; back++) {
            // "Giảm tỷ lệ hộ nghèo (theo tiêu chí mới) đạt 23,77%": the name is a clause or two back.
            Matcher earlier = CLAUSE_BREAK.matcher(head.substring(0, Math.max(0, last - 1)));
            int prev = 0;
            while (earlier.find()) {
                prev = earlier.end();
            }
            local = head.substring(prev, last).replaceAll("[,;:()]", " ").strip() + " " + local;
            last = prev;
        }
        String afterNumbers = local.replaceFirst("^.*\\d[\\d.,]*\\s?(%|\\p{L}+)\\s*", "");
        if (afterNumbers.replaceAll("[^\\p{L}]", "").length() >= 3) {
            local = afterNumbers;
        }
        if (local.replaceAll("[^\\p{L}]", "").length() < 3 && last > 0) {
            int prev = Math.max(head.lastIndexOf(',', last - 2), head.lastIndexOf(';', last - 2)) + 1;
            local = head.substring(Math.max(0, prev), last).replaceAll("[,;:]$", "").strip() + " " + local;
        }
        int colon = head.lastIndexOf(':');
        String label = "";
        if (colon > 0 && colon < last + 1) {
            int labelStart = Math.max(Math.max(head.lastIndexOf(';', colon), head.lastIndexOf('.', colon)),
                    head.lastIndexOf(':', colon - 1)) + 1;
            String l = head.substring(labelStart, colon).strip();
            if (l.split("\\s+").length <= 6) {
                label = l;
            }
        }
        return (label.isEmpty() || local.toLowerCase().contains(label.toLowerCase()) ? local : label + " " + local)
                .replaceAll("^[-–•*\\s]+", "").strip();
    }

    private static boolean estimate(String s, int at) {
        String before = s.substring(Math.max(0, at - 40), at).toLowerCase();
        return before.contains("ước");
    }

    /** A unit word of a report mapped to a catalog unit code through the catalog's symbols. */
    public static String unitCode(String unit, Map<String, String> bySymbol) {
        return unit == null ? null : bySymbol.get(unit.toLowerCase());
    }
}
