package vn.kehoach.narrative.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.kehoach.format.Numbers;
import vn.kehoach.narrative.CheckedClaim;
import vn.kehoach.narrative.Finding;
import vn.kehoach.narrative.Finding.Kind;
import vn.kehoach.narrative.internal.Mentions.Num;
import vn.kehoach.narrative.internal.Mentions.Ratio;

/**
 * Recomputes what a report's sentences state about their own numbers:
 * <ul>
 * <li>"a/b … đạt|bằng X% (KH…)": a ÷ b;</li>
 * <li>"… được giao … là B; … được A, đạt X% KH": A ÷ B, the base being named as assigned (giao, kế hoạch);</li>
 * <li>"N/M xã (Tên, Tên, …)" and "N đơn vị … (Tên, …)": the count of the names;</li>
 * <li>"T đơn vị cho|gồm|: a x, b x và c x": the sum of the parts.</li>
 * </ul>
 * A stated percentage matches when a ÷ b rounds to it half-up or by truncation at its own decimals.
 */
public final class Arithmetic {

    private static final Pattern PCT_VERB = Pattern.compile("(đạt|bằng|chiếm|\\()(\\s*tỷ lệ)?\\s*$", Pattern.CASE_INSENSITIVE);
    /** A percentage said of the plan or of last year without its base: the usual sentence that cannot be recomputed. */
    private static final Pattern BASELESS = Pattern.compile("%\\s*(KH|kế hoạch|dự toán|so với|so cùng kỳ|cùng kỳ|chỉ tiêu)|(tăng|giảm)\\s*\\d+(,\\d+)?\\s?%",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME_LIST = Pattern.compile("\\(([^()]{3,400})\\)");
    /** A base named as assigned: "được giao", "kế hoạch", "KH" — not "phòng giao dịch". */
    private static final Pattern ASSIGNED = Pattern.compile("\\bgiao\\b(?! dịch)|kế hoạch|\\bKH\\b");
    private static final Pattern CHANGE_WORD = Pattern.compile("(tăng|giảm)\\s*$", Pattern.CASE_INSENSITIVE);

    private final List<CheckedClaim> checked = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    /** Sentences with figures that nothing recomputed, by reason (in the order first met). */
    private final java.util.Map<String, Integer> unchecked = new java.util.LinkedHashMap<>();
    private final Statements statements = new Statements(this);
    private final List<String> notes = new ArrayList<>();
    private String current;
    private String reason;

    public static Arithmetic of(ReportText text) {
        Arithmetic a = new Arithmetic();
        StringBuilder all = new StringBuilder();
        text.sentences().forEach(s -> all.append(s.text()).append('\n'));
        int[] evidence = Mentions.styleEvidence(all.toString());
        boolean english = evidence[1] > evidence[0];
        if (english) {
            a.notes.add("số viết kiểu 1,234.5 (dấu chấm thập phân): " + evidence[1] + " số chỉ đọc được theo kiểu này, đã đọc cả báo cáo theo kiểu đó");
        }
        if (evidence[0] > 0 && evidence[1] > 0) {
            a.notes.add("báo cáo viết số lẫn hai kiểu (" + evidence[0] + " số kiểu 1.234,5; " + evidence[1]
                    + " số kiểu 1,234.5): số như 1.234 đọc theo kiểu " + (english ? "1,234.5" : "1.234,5") + ", cần soát lại");
        }
        for (ReportText.Sentence sentence : text.sentences()) {
            String s = english ? Mentions.asVietnamese(sentence.text()) : sentence.text();
            int before = a.checked.size();
            a.current = s;
            a.reason = null;
            a.sentence(s);
            a.statements.sentence(s);
            if (a.checked.size() == before) {
                a.countUnchecked(s);
            }
        }
        return a;
    }

    /** What the reader should know about how the numbers were read (their style), said with the coverage. */
    public List<String> notes() {
        return notes;
    }

    /** Sentences with figures that were not recomputed, by reason: the other half of what a run covered. */
    public java.util.Map<String, Integer> unchecked() {
        return unchecked;
    }

    void claim(CheckedClaim c) {
        checked.add(c);
    }

    /** Whether a claim of this kind on this sentence already starts with {@code prefix} (the older rules ran first). */
    boolean claimed(Kind kind, String sentence, String prefix) {
        return checked.stream().anyMatch(c -> c.kind() == kind && c.sentence().equals(sentence) && c.stated().startsWith(prefix));
    }

    void finding(Finding f) {
        findings.add(f);
    }

    /** Why the current sentence, if nothing in it gets checked, was left alone. */
    void unchecked(String sentence, String why) {
        if (sentence.equals(current) && reason == null) {
            reason = why;
        }
    }

    private void countUnchecked(String s) {
        List<Num> nums = Mentions.numbers(s).stream().filter(n -> !n.looksLikeYear()).toList();
        boolean figures = nums.stream().anyMatch(n -> n.percent() || n.unit() != null);
        if (!figures) {
            return;
        }
        String why = reason;
        if (why == null && nums.stream().anyMatch(n -> Mentions.isBound(s, n))) {
            why = "số ước hoặc cận (trên, hơn, gần, khoảng)";
        }
        if (why == null && BASELESS.matcher(s).find()) {
            why = "tỷ lệ so với kế hoạch hoặc cùng kỳ không kèm số gốc";
        }
        if (why == null) {
            why = "không có phép tính nào để kiểm";
        }
        unchecked.merge(why, 1, Integer::sum);
    }

    public List<CheckedClaim> checked() {
        return checked;
    }

    public List<Finding> findings() {
        return findings;
    }

    private void sentence(String s) {
        List<Num> nums = Mentions.numbers(s);
        List<Ratio> ratios = Mentions.ratios(s, nums);
        for (int i = 0; i < ratios.size(); i++) {
            Ratio r = ratios.get(i);
            int limit = i + 1 < ratios.size() ? ratios.get(i + 1).start() : s.length();
            Num pct = percentAfter(s, nums, r.end(), limit);
            if (pct != null && r.plan().value().signum() != 0) {
                percent(s, r.actual().value(), r.plan().value(), pct, r.actual().raw() + "/" + r.plan().raw());
            }
        }
        assignedBase(s, nums, ratios);
        counts(s, nums);
        sums(s, nums);
    }

    /** The first "đạt|bằng X%" after {@code from}, before {@code limit}, that is not a comparison with last year. */
    private static Num percentAfter(String s, List<Num> nums, int from, int limit) {
        for (Num n : nums) {
            if (n.start() < from || n.start() >= limit) {
                continue;
            }
            if (n.percent()) {
                String before = s.substring(Math.max(from, n.start() - 20), n.start());
                String after = s.substring(n.end(), Math.min(s.length(), n.end() + 30)).toLowerCase()
                        .split(",|;| và ")[0];
                if (PCT_VERB.matcher(before).find() && !after.contains("so với")) {
                    return n;
                }
                return null;
            }
            if (n.unit() != null) {
                return null;
            }
        }
        return null;
    }

    /** "… được giao … là B unit; … được A unit, đạt X% KH" within one sentence. */
    private void assignedBase(String s, List<Num> nums, List<Ratio> ratios) {
        for (int i = 0; i < nums.size(); i++) {
            Num pct = nums.get(i);
            if (!pct.percent() || i == 0) {
                continue;
            }
            String before = s.substring(Math.max(0, pct.start() - 12), pct.start());
            String after = s.substring(pct.end(), Math.min(s.length(), pct.end() + 12));
            if (!PCT_VERB.matcher(before).find() || !after.matches("^\\s?%?\\s*(KH|kế hoạch).*")) {
                continue;
            }
            Num actual = nums.get(i - 1);
            if (actual.unit() == null || actual.percent() || inRatio(actual, ratios)
                    || CHANGE_WORD.matcher(s.substring(Math.max(0, actual.start() - 8), actual.start())).find()) {
                continue;
            }
            for (int j = i - 2; j >= 0; j--) {
                Num base = nums.get(j);
                if (!actual.unit().equals(base.unit()) || inRatio(base, ratios)) {
                    continue;
                }
                int clauseStart = Math.max(s.lastIndexOf(';', base.start()), s.lastIndexOf(',', base.start())) + 1;
                String clause = s.substring(clauseStart, base.start());
                if (ASSIGNED.matcher(clause).find() && base.value().compareTo(actual.value()) > 0) {
                    percent(s, actual.value(), base.value(), pct, actual.raw() + " trên " + base.raw() + " " + base.unit());
                }
                break;
            }
        }
    }

    private static boolean inRatio(Num n, List<Ratio> ratios) {
        return ratios.stream().anyMatch(r -> r.actual() == n || r.plan() == n);
    }

    private void percent(String s, BigDecimal a, BigDecimal b, Num stated, String what) {
        BigDecimal exact = a.multiply(BigDecimal.valueOf(100)).divide(b, MathContext.DECIMAL64);
        int d = stated.decimals();
        boolean ok = exact.setScale(d, RoundingMode.HALF_UP).compareTo(stated.value()) == 0
                || exact.setScale(d, RoundingMode.DOWN).compareTo(stated.value()) == 0;
        String statedText = stated.raw() + "%";
        String computed = Numbers.vi().percent(exact, Math.max(d, 1));
        checked.add(new CheckedClaim(Kind.PERCENT_MISMATCH, what + " → " + statedText, computed, ok, s));
        if (!ok) {
            findings.add(new Finding(Kind.PERCENT_MISMATCH, statedText, Numbers.vi().percent(exact, Math.max(d, 1)), s,
                    what + " = " + Numbers.vi().percent(exact, Math.max(d, 2) + 1) + ", không phải " + statedText));
        }
    }

    /** A number followed, within a few words, by a parenthesised list of names. */
    private void counts(String s, List<Num> nums) {
        Matcher m = NAME_LIST.matcher(s);
        while (m.find()) {
            List<String> names = new ArrayList<>();
            for (String part : m.group(1).split(",")) {
                String p = part.strip();
                if (p.isEmpty() || !Character.isUpperCase(p.charAt(0)) || p.matches(".*\\d.*") || p.split(" ").length > 5) {
                    names = null;
                    break;
                }
                names.add(p);
            }
            if (names == null || names.size() < 2) {
                continue;
            }
            Num count = null;
            for (Num n : nums) {
                if (n.end() <= m.start() && m.start() - n.end() <= 40 && !n.percent() && n.decimals() == 0) {
                    count = n;
                }
            }
            if (count == null || !s.substring(count.end(), m.start()).matches("^[\\p{L} ,]*$")) {
                continue;
            }
            for (Mentions.Ratio r : Mentions.ratios(s, nums)) {
                if (r.plan() == count) {
                    count = r.actual();
                }
            }
            int stated = count.value().intValue();
            boolean ok = stated == names.size();
            checked.add(new CheckedClaim(Kind.COUNT_MISMATCH, count.raw() + " (" + names.size() + " tên)",
                    String.valueOf(names.size()), ok, s));
            if (!ok) {
                findings.add(new Finding(Kind.COUNT_MISMATCH, count.raw(), String.format("%02d", names.size()), s,
                        "danh sách kèm theo có " + names.size() + " tên: " + String.join(", ", names)));
            }
        }
    }

    /** "T x cho|gồm|: a y, b y và c y": the parts share a unit and add up to T. */
    private void sums(String s, List<Num> nums) {
        for (int i = 0; i + 2 < nums.size(); i++) {
            Num total = nums.get(i);
            if (total.unit() == null || total.percent() || total.looksLikeYear()) {
                continue;
            }
            String sep = s.substring(total.end(), nums.get(i + 1).start()).strip().toLowerCase();
            sep = sep.startsWith(total.unit()) ? sep.substring(total.unit().length()).strip() : sep;
            boolean cho = sep.startsWith("cho");
            boolean listed = cho || sep.contains(":") || sep.startsWith("gồm") || sep.startsWith("trong đó");
            if (!listed || sep.length() > 60 || sep.contains(";")) {
                continue;
            }
            List<Num> parts = new ArrayList<>();
            for (int j = i + 1; j < nums.size(); j++) {
                Num n = nums.get(j);
                if (n.unit() == null && !n.percent()) {
                    continue;
                }
                if (n.percent() || (!parts.isEmpty() && !n.unit().equals(parts.get(0).unit()))) {
                    break;
                }
                if (!parts.isEmpty()) {
                    String gap = s.substring(parts.get(parts.size() - 1).end(), n.start());
                    if (!(gap.contains(",") || gap.contains(" và ")) || gap.length() > 60 || gap.contains(";")) {
                        break;
                    }
                }
                parts.add(n);
            }
            if (parts.size() < 2 || (!parts.get(0).unit().equals(total.unit()) && !cho)) {
                continue;
            }
            BigDecimal sum = parts.stream().map(Num::value).reduce(BigDecimal.ZERO, BigDecimal::add);
            boolean ok = sum.compareTo(total.value()) == 0;
            String list = String.join(" + ", parts.stream().map(Num::raw).toList());
            checked.add(new CheckedClaim(Kind.SUM_MISMATCH, total.raw() + " = " + list, Numbers.vi().format(sum), ok, s));
            if (!ok) {
                findings.add(new Finding(Kind.SUM_MISMATCH, total.raw() + " " + total.unit(),
                        Numbers.vi().format(sum) + " " + parts.get(0).unit(), s, list + " = " + Numbers.vi().format(sum)));
            }
            i += parts.size();
        }
    }
}
