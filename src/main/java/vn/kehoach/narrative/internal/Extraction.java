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
 * (or, in the plan part, a target), with the words before it as its subject and its period: the report's own (the
 * year of an annual report, "6 tháng đầu năm 2025" → 2025S1, "quý III" → Q3, "9 tháng" → YTD09), the one a section
 * or sentence names, the plan year in the plan part. A plan stated beside a value ("/KH 41.000–42.000 tấn", "(KH
 * 41.000 tấn)") is a target, never a value; a range or a bound ("8–9%", "trên 2.300", "hơn 85 tỷ") is no exact
 * number and is kept with the reason it is refused. Matching the subject to the catalog is left to a
 * {@link NameMatcher}.
 */
public final class Extraction {

    /**
     * A figure read from the text, before it is matched.
     *
     * @param refusal why it should not be imported as read (a range, a bound, no period), null when it may
     */
    public record Raw(Proposal.Type type, String subject, BigDecimal value, String unit, String period, boolean estimate,
                      String sentence, String refusal) {

        Raw(Proposal.Type type, String subject, BigDecimal value, String unit, String period, boolean estimate,
            String sentence) {
            this(type, subject, value, unit, period, estimate, sentence, period == null ? "không rõ kỳ của số liệu" : null);
        }
    }

    private static final Pattern HALF = Pattern.compile("6 tháng đầu\\s+năm\\s+(\\d{4})", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern MONTHS = Pattern.compile("(?<!ngày )(?<!\\d )(\\d{1,2}) tháng (?:đầu )?năm (\\d{4})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** "9 tháng" without a year: the months so far of the report's year. */
    private static final Pattern MONTHS_NO_YEAR = Pattern.compile("(?<![\\d/])\\b([1-9]|1[01]) tháng(?: đầu năm)?(?! \\d| năm \\d| cuối)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern QUARTER = Pattern.compile("\\bquý\\s+(IV|III|II|I|[1-4])\\b(?:\\s*(?:năm|/)\\s*(\\d{4}))?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** "Tính đến hết tháng 10/2023", "đến ngày 31/10/2023": the months so far, for that sentence only. */
    private static final Pattern UNTIL = Pattern.compile(
            "đến (?:hết )?(?:ngày \\d{1,2}/|tháng )(\\d{1,2})/(\\d{4})", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern YEAR_FIRST = Pattern.compile("^(?:[-–•*+]\\s*)?(?:trong |cả |ước )?năm (\\d{4})\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** The title of a results report: "Báo cáo tình hình …", "Tình hình thực hiện kế hoạch … năm 2021". */
    private static final Pattern RESULTS_TITLE = Pattern.compile(
            "(?:tình hình|kết quả|báo cáo|đánh giá|vượt kế hoạch|đạt kế hoạch)[^.]{0,90}?(quý\\s+(?:IV|III|II|I|[1-4])[^.]{0,12}?năm\\s+\\d{4}|\\d{1,2} tháng(?: đầu)?\\s+năm\\s+\\d{4}|năm\\s+\\d{4})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** The title of a plan ("Kế hoạch phát triển kinh tế - xã hội năm 2025") that reports on nothing before it. */
    private static final Pattern PLAN_TITLE = Pattern.compile("^(?:kế hoạch|các chỉ tiêu)[^.]{0,80}?năm (\\d{4})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern PLAN_YEAR = Pattern.compile("(?:kế hoạch|chỉ tiêu)[^.]{0,60}năm (\\d{4})", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern PART_TWO = Pattern.compile(
            "phần thứ hai|dự kiến các chỉ tiêu|mục tiêu và các chỉ tiêu",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** "Chỉ số CCHC cấp huyện năm 2020 đạt 76,46%": a figure of its own year, not the section's period. */
    private static final Pattern YEAR_IN_SUBJECT = Pattern.compile("năm (\\d{4})\\b");
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[,;:()]|\\s-\\s|\\bvà\\b");
    /** A plan named just before a number: "/KH 41.000", "(KH 41.000–42.000 tấn)", "kế hoạch giao 5,2 tỷ". */
    private static final Pattern PLAN_MARK = Pattern.compile(
            "(?:^|[^\\p{L}])(?:kh|kế hoạch|chỉ tiêu|dự toán|mục tiêu|phấn đấu)(?:[^\\p{L}]|$)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A percentage that compares ("so với cùng kỳ", "đạt 43% dự toán", "so sánh TH/KH") is not a figure's value. */
    private static final Pattern COMPARED = Pattern.compile(
            "(?:^|[^\\p{L}])(?:so|kh|kế hoạch|dự toán|cùng kỳ|chỉ tiêu)(?:[^\\p{L}]|$)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern BOUND_BEFORE = Pattern.compile(
            "(?:^|[^\\p{L}])(trên|hơn|gần|khoảng|dưới|tối thiểu|tối đa|ít nhất|không quá|không dưới|xấp xỉ|trên dưới)\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern BOUND_AFTER = Pattern.compile("^\\s*(?:[%\\p{L}]+[ /]*){0,3}?(trở lên|trở xuống|trở lại)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** "41.000-42.000", "8 – 9%", "từ 10 đến 12": this number closes a range whose other end is just before. */
    private static final Pattern RANGE_BEFORE = Pattern.compile("(?:\\s*[-–—]\\s*|\\s+đến\\s+)$");

    private Extraction() {
    }

    public static List<Raw> of(ReportText text) {
        return of(text, null);
    }

    /** As {@link #of(ReportText)}, with the period to use when the text names none ({@code --period}), or null. */
    public static List<Raw> of(ReportText text, String given) {
        List<Raw> out = new ArrayList<>();
        String named = reportPeriod(text);
        String period = named != null ? named : given == null ? null : Period.parse(given).id();
        String planYear = null;
        boolean planPart = false;
        int index = 0;
        for (ReportText.Sentence sentence : text.sentences()) {
            String s = sentence.text();
            if (sentence.footnote()) {
                // Footnotes detail the results part (the seed's crop table, works handed over).
                read(s, false, period, out);
                continue;
            }
            if (index++ == 0 && PLAN_TITLE.matcher(s).find() && named == null) {
                // A plan of its own ("Kế hoạch kinh tế - xã hội năm 2022 … các chỉ tiêu chủ yếu"): targets throughout.
                planPart = true;
            }
            if (!planPart) {
                String here = periodNamed(s, period);
                if (here != null) {
                    period = here;
                }
            }
            if (PART_TWO.matcher(s).find()) {
                planPart = true;
            }
            Matcher y = PLAN_YEAR.matcher(s);
            if (y.find() && (planPart || planYear == null)) {
                planYear = y.group(1);
            }
            if (planPart && planYear == null) {
                Matcher any = YEAR_IN_SUBJECT.matcher(s);
                planYear = any.find() ? any.group(1) : period == null ? null : String.valueOf(Period.parse(period).year() + 1);
            }
            String own = planPart ? planYear : period;
            Matcher until = UNTIL.matcher(s);
            if (!planPart && until.find()) {
                int month = Integer.parseInt(until.group(1));
                int year = Integer.parseInt(until.group(2));
                own = month == 12 ? String.valueOf(year) : month == 6 ? year + "S1"
                        : month >= 1 && month < 12 ? Period.yearToDate(year, month).id() : own;
            }
            read(s, planPart, own, out);
        }
        return out;
    }

    /**
     * The period the report is about, from its title ("Báo cáo tình hình kinh tế - xã hội 6 tháng đầu năm 2025",
     * "Tình hình thực hiện kế hoạch … năm 2021") or its first sentence that opens with one ("Năm 2023, …"); null
     * when neither names one.
     */
    static String reportPeriod(ReportText text) {
        StringBuilder head = new StringBuilder();
        for (ReportText.Sentence s : text.sentences()) {
            if (head.length() > 1500) {
                break;
            }
            head.append(s.text()).append(". ");
        }
        Matcher t = RESULTS_TITLE.matcher(head);
        if (t.find()) {
            return periodNamed(t.group(1), null);
        }
        for (ReportText.Sentence s : text.sentences()) {
            String named = periodNamed(s.text(), null);
            if (named != null && !named.isEmpty()) {
                return named;
            }
            if (s.text().length() > 40 && head.indexOf(s.text()) < 0) {
                break;
            }
        }
        return null;
    }

    /**
     * The period a sentence names for what follows: "6 tháng đầu năm 2021", "9 tháng năm 2023" or "9 tháng" (of
     * the current period's year), "quý III" (idem), a sentence that opens with "Năm 2023"; null when none.
     */
    static String periodNamed(String s, String current) {
        Integer currentYear = current == null ? null : Period.parse(current).year();
        Matcher m = HALF.matcher(s);
        if (m.find()) {
            return m.group(1) + "S1";
        }
        m = QUARTER.matcher(s);
        if (m.find()) {
            Integer year = m.group(2) != null ? Integer.valueOf(m.group(2)) : currentYear;
            return year == null ? null : Period.quarter(year, quarter(m.group(1))).id();
        }
        m = MONTHS.matcher(s);
        if (m.find()) {
            int months = Integer.parseInt(m.group(1));
            int year = Integer.parseInt(m.group(2));
            return months == 12 ? String.valueOf(year) : months >= 1 && months < 12
                    ? Period.yearToDate(year, months).id() : null;
        }
        m = MONTHS_NO_YEAR.matcher(s);
        if (m.find() && currentYear != null && s.substring(0, m.start()).length() < 60) {
            int months = Integer.parseInt(m.group(1));
            return months == 6 ? currentYear + "S1" : Period.yearToDate(currentYear, months).id();
        }
        m = YEAR_FIRST.matcher(s.strip());
        if (m.find()) {
            return m.group(1);
        }
        return null;
    }

    private static int quarter(String q) {
        return switch (q.toUpperCase()) {
            case "I", "1" -> 1;
            case "II", "2" -> 2;
            case "III", "3" -> 3;
            default -> 4;
        };
    }

    private static void read(String s, boolean planPart, String period, List<Raw> out) {
        List<Num> nums = Mentions.numbers(s);
        List<Ratio> ratios = Mentions.ratios(s, nums);
        for (Ratio r : ratios) {
            String subject = subject(s, r.start());
            boolean estimate = estimate(s, r.start());
            out.add(new Raw(planPart ? Proposal.Type.TARGET : Proposal.Type.VALUE, subject, r.actual().value(), r.unit(),
                    period, estimate, s));
            out.add(new Raw(Proposal.Type.TARGET, subject, r.plan().value(), r.unit(), period, false, s));
        }
        for (int i = 0; i < nums.size(); i++) {
            Num n = nums.get(i);
            if (n.looksLikeYear() || inRatio(n, ratios)) {
                continue;
            }
            Num next = i + 1 < nums.size() ? nums.get(i + 1) : null;
            if (next != null && RANGE_BEFORE.matcher(s.substring(n.end(), next.start())).matches()
                    && next.unit() != null) {
                // The lower end of a range: read with its upper end.
                continue;
            }
            if (n.unit() == null) {
                continue;
            }
            Num previous = i > 0 ? nums.get(i - 1) : null;
            boolean range = previous != null && RANGE_BEFORE.matcher(s.substring(previous.end(), n.start())).matches();
            // A range "55 - 56 tạ/ha" is read from its lower end: its words are before that.
            int anchor = range ? previous.start() : n.start();
            int clause = clauseStart(s, anchor);
            // The number before, not a year: "Kế hoạch năm 2023 41.000 tấn" is still a plan.
            Num beforeAnchor = null;
            for (int k = i - (range ? 2 : 1); k >= 0 && beforeAnchor == null; k--) {
                beforeAnchor = nums.get(k).looksLikeYear() ? null : nums.get(k);
            }
            int from = Math.max(clause, beforeAnchor == null ? 0 : Math.min(beforeAnchor.end(), anchor));
            String local = s.substring(from, anchor);
            String before = s.substring(Math.max(0, n.start() - 14), n.start()).toLowerCase();
            String after = s.substring(n.end(), Math.min(s.length(), n.end() + 24)).toLowerCase();
            if (n.percent() && (after.matches("^\\s?%\\s*(kh|kế hoạch|dự toán|chỉ tiêu|so).*")
                    || COMPARED.matcher(s.substring(clause, n.start())).find())) {
                continue;
            }
            if (before.matches(".*(tăng|giảm|vượt|hụt|thêm)\\s*(thêm\\s*)?$")
                    || (range && local.toLowerCase().matches(".*(tăng|giảm|vượt)\\s*$"))) {
                continue;
            }
            String subject = subject(s, anchor);
            if (n.unit().contains("/") || NameMatcher.words(subject).isEmpty()) {
                // "Đạt 25 giường bệnh/1 vạn dân": the unit names the figure.
                subject = (subject + " " + n.unit()).strip();
            }
            if (NameMatcher.words(subject).isEmpty()) {
                continue;
            }
            boolean plan = planPart || PLAN_MARK.matcher(local).find();
            Proposal.Type type = plan ? Proposal.Type.TARGET : Proposal.Type.VALUE;
            Matcher year = YEAR_IN_SUBJECT.matcher(subject);
            String own = period;
            while (year.find()) {
                String y = year.group(1);
                if (period == null || !period.startsWith(y)
                        && (!planPart || Integer.parseInt(y) >= Period.parse(period).year())) {
                    own = y;
                }
            }
            String refusal = own == null ? "không rõ kỳ của số liệu" : null;
            Matcher bound = BOUND_BEFORE.matcher(s.substring(Math.max(from, anchor - 30), anchor));
            Matcher boundAfter = BOUND_AFTER.matcher(s.substring(n.end(), Math.min(s.length(), n.end() + 30)));
            if (range) {
                refusal = (plan ? "kế hoạch" : "số") + " là một khoảng (" + previous.raw() + "–" + n.raw() + " "
                        + n.unit() + "), không phải một số";
            } else if (bound.find() || boundAfter.find()) {
                String word = bound.find(0) ? bound.group(1) : boundAfter.group(1);
                refusal = (plan ? "chỉ tiêu là một cận" : "số ước chừng") + " (\"" + word + "\"), không phải giá trị chính xác";
            }
            out.add(new Raw(type, subject, n.value(), n.unit(), own, !plan && estimate(s, n.start()), s, refusal));
        }
    }

    /** Where the clause holding the position starts (after the last ",;:()" or " - " or "và" before it). */
    private static int clauseStart(String s, int at) {
        Matcher m = CLAUSE_BREAK.matcher(s.substring(0, at));
        int last = 0;
        while (m.find()) {
            last = m.end();
        }
        return last;
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
        if (colon > 0 && (colon < last + 1 || NameMatcher.words(local).isEmpty())) {
            int labelStart = Math.max(Math.max(head.lastIndexOf(';', colon), head.lastIndexOf('.', colon)),
                    head.lastIndexOf(':', colon - 1)) + 1;
            String l = head.substring(labelStart, colon).strip();
            // A short label ("Lúa xuân"), or a table row's name when the clause has no name of its own.
            if (l.split("\\s+").length <= (NameMatcher.words(local).isEmpty() ? 10 : 6)) {
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
