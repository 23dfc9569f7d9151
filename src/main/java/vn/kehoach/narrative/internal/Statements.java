package vn.kehoach.narrative.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.kehoach.format.Numbers;
import vn.kehoach.narrative.CheckedClaim;
import vn.kehoach.narrative.Finding;
import vn.kehoach.narrative.Finding.Kind;
import vn.kehoach.narrative.internal.Mentions.Num;
import vn.kehoach.narrative.internal.Mentions.Ratio;

/**
 * The forms real reports use beyond "a/b … đạt X%", read sentence by sentence with the previous sentence at hand
 * (officers put a total in one sentence and open the next with "Trong đó"):
 * <ul>
 * <li>changes: "là 25.390 tỷ đồng; … tăng 1.475 tỷ đồng (+6,2%)", "22,4 triệu đồng (tăng 7,7% tương đương 1,6 triệu
 * đồng)", a real growth "loại trừ yếu tố tăng giá" computed by subtraction;</li>
 * <li>breakdowns: "T …: a, b và c", "T …; trong đó: a …; b …", "T (x: a, y: b)", changes of the parts summing to
 * the change of the total, a part above its total; contributions "đóng góp x điểm phần trăm" adding to the growth;</li>
 * <li>shares of one whole ("cơ cấu", "chiếm", "tỷ trọng") adding to 100%;</li>
 * <li>area × yield = output; "N ca trong tuần, trung bình X ca/ngày";</li>
 * <li>plans beside the figure: "đạt X% … (B)", "(KH B–C)", "vượt kế hoạch (kế hoạch tăng từ 14 - 16%)", "tất cả a/b";</li>
 * <li>sizes: "bằng 996% so với cùng kỳ", a part in "tỷ đồng" among parts in "nghìn tỷ đồng".</li>
 * </ul>
 * Bounds and approximations ("hơn 15.380", "gần 8.520", "khoảng 360") are never checked as exact figures and never
 * corrected; a finding gives a correction only when every number it uses is exact.
 */
final class Statements {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Pattern INTRO = Pattern.compile("trong đó|trong tổng số|gồm|cụ thể|bao gồm|thì có|:", Pattern.CASE_INSENSITIVE);
    private static final Pattern PARTIAL = Pattern.compile("một số|như:|\\.\\.\\.|…|các khoản|chủ yếu", Pattern.CASE_INSENSITIVE);
    private static final Pattern OPENS_WITH_PART = Pattern.compile("^(?:[-+•]\\s*)?(?:trong đó|trong tổng số|trong số đó|theo (?:khu vực|ngành|loại hình|địa bàn|thành phần)[^:]{0,30}:)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SHARE_CONTEXT = Pattern.compile("cơ cấu|tỷ trọng|chiếm", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_SHARE = Pattern.compile("(tăng|giảm|đạt|bằng|vượt|lên|xuống)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTRIBUTION = Pattern.compile("^\\s*(điểm phần trăm|điểm %)", Pattern.CASE_INSENSITIVE);
    private static final Pattern GROWTH_HEADLINE = Pattern.compile("tăng trưởng|GRDP|GDP|tổng sản phẩm", Pattern.CASE_INSENSITIVE);
    private static final Pattern DEFLATED = Pattern.compile("loại trừ yếu tố (?:tăng )?giá", Pattern.CASE_INSENSITIVE);

    private final Arithmetic out;
    /** The last headline growth rate ("tăng trưởng … 6,5%"), for contributions stated in the next sentence. */
    private Num lastGrowth;
    private int growthAge;
    private String previous = "";
    private final Map<String, Num> previousCounts = new HashMap<>();

    Statements(Arithmetic out) {
        this.out = out;
    }

    void sentence(String s) {
        List<Num> nums = Mentions.numbers(s);
        List<Ratio> ratios = Mentions.ratios(s, nums);
        changes(s, nums);
        comparedWithBase(s, nums);
        overPlan(s, nums);
        listCounts(s, nums);
        growthOverYears(s, nums);
        breakdowns(s, nums, ratios);
        contributions(s, nums);
        shares(s, nums);
        products(s, nums);
        productsWithAreaBefore(s, nums);
        averages(s, nums);
        plans(s, nums);
        all(s, ratios);
        magnitudes(s, nums);
        deflated(s, nums);
        restatedCounts(s, nums);
        sameBase(s, nums);
        rememberGrowth(s, nums);
        previous = s;
    }

    // ---------------------------------------------------------------- changes

    /** "A unit; … tăng D unit (+P%)" and "A unit (tăng P% tương đương D unit)". */
    private void changes(String s, List<Num> nums) {
        for (int i = 0; i < nums.size(); i++) {
            Num d = nums.get(i);
            if (d.unit() == null || d.percent() || !Mentions.isChange(s, d) || i + 1 >= nums.size()) {
                continue;
            }
            Num p = nums.get(i + 1);
            String gap = s.substring(d.end(), p.start());
            if (!p.percent() || !gap.matches("^\\s?\\Q" + d.unit() + "\\E\\s*\\(\\s*[+\\-−]?\\s*$")) {
                continue;
            }
            Num a = levelBefore(s, nums, i, d.unit());
            if (a != null) {
                boolean down = Mentions.isDecrease(s, d);
                BigDecimal base = down ? a.value().add(d.value()) : a.value().subtract(d.value());
                ratio(s, Kind.CHANGE_MISMATCH, d.value(), base, p, d.raw() + " ÷ " + Numbers.vi().format(base)
                        + " (" + a.raw() + (down ? " + " : " − ") + d.raw() + ")", Mentions.isBound(s, a));
            }
        }
        // "22,4 triệu đồng (tăng 7,7% tương đương 1,6 triệu đồng)"
        for (int i = 0; i + 2 < nums.size(); i++) {
            Num a = nums.get(i);
            Num p = nums.get(i + 1);
            Num d = nums.get(i + 2);
            if (a.unit() == null || a.percent() || !p.percent() || !a.unit().equals(d.unit())) {
                continue;
            }
            String mid = s.substring(a.end(), p.start()).toLowerCase();
            String tail = s.substring(p.end(), d.start()).toLowerCase();
            if (mid.matches("^\\s?\\Q" + a.unit() + "\\E\\s*\\(?\\s*(tăng|giảm)\\s*$") && tail.matches("^\\s?%?\\s*(tương đương|tức là|tương ứng)\\s*$")) {
                boolean down = mid.contains("giảm");
                BigDecimal base = down ? a.value().add(d.value()) : a.value().subtract(d.value());
                ratio(s, Kind.CHANGE_MISMATCH, d.value(), base, p, d.raw() + " ÷ " + Numbers.vi().format(base), Mentions.isBound(s, a));
            }
        }
    }

    /**
     * "A unit, tăng P% so với cùng kỳ (cùng kỳ B unit)", "bằng P% so với năm trước (B unit)" and for rates "còn A%, giảm
     * D điểm % (năm trước B%)": checkable because both sides are stated.
     */
    private void comparedWithBase(String s, List<Num> nums) {
        for (int i = 0; i + 2 < nums.size(); i++) {
            Num a = nums.get(i);
            Num p = nums.get(i + 1);
            if (a.unit() == null || Mentions.isChange(s, a)) {
                continue;
            }
            Num b = null;
            for (int j = i + 2; j < nums.size() && j <= i + 3; j++) {
                Num n = nums.get(j);
                if (a.unit().equals(n.unit()) && Mentions.inBrackets(s, n.start()) && !n.looksLikeYear()) {
                    b = n;
                    break;
                }
            }
            if (b == null || b.value().signum() == 0) {
                continue;
            }
            String mid = s.substring(a.end(), p.start()).toLowerCase();
            String tail = s.substring(p.end(), b.start()).toLowerCase();
            if (!tail.matches("(?s).{0,40}(so với|so cùng kỳ|cùng kỳ|năm trước).{0,40}") || tail.contains(";")) {
                continue;
            }
            boolean points = s.substring(p.end()).toLowerCase().matches("(?s)^\\s?(điểm %|điểm phần trăm).*") && a.percent();
            if (points && mid.matches("(?s).{0,30}(tăng|giảm)\\s*$")) {
                BigDecimal diff = a.value().subtract(b.value());
                BigDecimal stated = mid.strip().endsWith("giảm") ? p.value().negate() : p.value();
                boolean ok = diff.compareTo(stated) == 0;
                out.claim(new CheckedClaim(Kind.CHANGE_MISMATCH, a.raw() + "% − " + b.raw() + "% → " + p.raw() + " điểm %",
                        Numbers.vi().format(diff), ok, s));
                if (!ok) {
                    out.finding(new Finding(Kind.CHANGE_MISMATCH, p.raw() + " điểm %", Numbers.vi().format(diff.abs()) + " điểm %", s,
                            a.raw() + "% − " + b.raw() + "% = " + Numbers.vi().format(diff) + " điểm phần trăm"));
                }
                continue;
            }
            if (!p.percent() || a.percent()) {
                continue;
            }
            boolean bound = Mentions.isBound(s, a) || Mentions.isBound(s, b);
            if (mid.matches("(?s)^\\s?\\Q" + a.unit() + "\\E.{0,20}(tăng|giảm)\\s*$")) {
                boolean down = mid.strip().endsWith("giảm");
                BigDecimal exact = a.value().subtract(b.value()).abs().multiply(HUNDRED).divide(b.value(), MathContext.DECIMAL64);
                boolean sameWay = down == (a.value().compareTo(b.value()) < 0);
                if (!sameWay) {
                    out.claim(new CheckedClaim(Kind.CHANGE_MISMATCH, a.raw() + " so với " + b.raw() + " → " + (down ? "giảm " : "tăng ") + p.raw() + "%", "", false, s));
                    out.finding(new Finding(Kind.CHANGE_MISMATCH, (down ? "giảm " : "tăng ") + p.raw() + "%", null, s,
                            a.raw() + " so với " + b.raw() + " là " + (down ? "tăng" : "giảm") + ", không phải " + (down ? "giảm" : "tăng")));
                    continue;
                }
                percentClaim(s, Kind.CHANGE_MISMATCH, exact, p, "(" + a.raw() + " − " + b.raw() + ") ÷ " + b.raw(), !bound);
            } else if (mid.matches("(?s)^\\s?\\Q" + a.unit() + "\\E.{0,20}bằng\\s*$")) {
                ratio(s, Kind.CHANGE_MISMATCH, a.value(), b.value(), p, a.raw() + " ÷ " + b.raw(), bound);
            }
        }
    }

    /** "đạt 1.120 tấn, vượt 12% KH (KH 1.000 tấn)" and "vượt 461 con so với KH (KH 10.000 con)". */
    private void overPlan(String s, List<Num> nums) {
        for (int i = 0; i + 2 < nums.size(); i++) {
            Num a = nums.get(i);
            Num v = nums.get(i + 1);
            if (a.unit() == null || a.percent() || Mentions.isChange(s, a)) {
                continue;
            }
            String before = s.substring(Math.max(a.end(), v.start() - 8), v.start()).toLowerCase();
            if (!before.matches("(?s).*vượt\\s*$")) {
                continue;
            }
            Num b = null;
            for (int j = i + 2; j < nums.size() && j <= i + 3; j++) {
                Num n = nums.get(j);
                if (a.unit().equals(n.unit()) && plan(s, n)) {
                    b = n;
                    break;
                }
            }
            String after = s.substring(v.end(), Math.min(s.length(), v.end() + 40)).toLowerCase();
            if (b == null || b.value().signum() == 0 || !after.matches("(?s).{0,25}(kh|kế hoạch|chỉ tiêu).*")) {
                continue;
            }
            boolean bound = Mentions.isBound(s, a) || Mentions.isBound(s, b);
            if (v.percent()) {
                BigDecimal exact = a.value().subtract(b.value()).multiply(HUNDRED).divide(b.value(), MathContext.DECIMAL64);
                percentClaim(s, Kind.PLAN_MISMATCH, exact, v, "(" + a.raw() + " − " + b.raw() + ") ÷ " + b.raw(), !bound);
            } else if (a.unit().equals(v.unit())) {
                BigDecimal diff = a.value().subtract(b.value());
                boolean ok = diff.compareTo(v.value()) == 0;
                out.claim(new CheckedClaim(Kind.PLAN_MISMATCH, a.raw() + " − " + b.raw() + " → vượt " + v.raw() + " " + v.unit(),
                        Numbers.vi().format(diff), ok, s));
                if (!ok) {
                    out.finding(new Finding(Kind.PLAN_MISMATCH, "vượt " + v.raw() + " " + v.unit(), bound ? null
                            : "vượt " + Numbers.vi().format(diff) + " " + v.unit(), s, a.raw() + " − " + b.raw() + " = " + Numbers.vi().format(diff)));
                }
            }
        }
    }

    /** "07/13 xã: Quang Long, Thị Hoa, … và Kim Loan": the count of the names after the colon. */
    private void listCounts(String s, List<Num> nums) {
        Matcher m = Pattern.compile("(?<![\\d.,])(\\d{1,3})(?:/\\d{1,3})?\\s+(xã|thôn|bản|xóm|tổ dân phố|đơn vị|huyện|trường|hộ)[\\p{L}\\s,]{0,30}:\\s*([^;.:()]+)")
                .matcher(s);
        while (m.find()) {
            String[] items = m.group(3).strip().split(",\\s*|\\s+và\\s+");
            List<String> names = new ArrayList<>();
            for (String item : items) {
                String x = item.strip();
                if (x.isEmpty() || !Character.isUpperCase(x.charAt(0)) || x.matches(".*\\d.*") || x.split(" ").length > 4) {
                    names = null;
                    break;
                }
                names.add(x);
            }
            if (names == null || names.size() < 2) {
                continue;
            }
            int stated = Integer.parseInt(m.group(1));
            boolean ok = stated == names.size();
            out.claim(new CheckedClaim(Kind.COUNT_MISMATCH, m.group(1) + " (" + names.size() + " tên)", String.valueOf(names.size()), ok, s));
            if (!ok) {
                out.finding(new Finding(Kind.COUNT_MISMATCH, m.group(1), String.format("%02d", names.size()), s,
                        "danh sách sau dấu hai chấm có " + names.size() + " tên: " + String.join(", ", names)));
            }
        }
    }

    /** "bình quân tăng 5,2%/năm … từ A năm 2015 lên B năm 2020": (B/A)^(1/5) − 1. */
    private void growthOverYears(String s, List<Num> nums) {
        Matcher m = Pattern.compile("bình quân(?: mỗi năm)? tăng\\s+(\\d+(?:,\\d+)?)\\s?%(?:/năm| mỗi năm| một năm)?", Pattern.CASE_INSENSITIVE).matcher(s);
        if (!m.find()) {
            return;
        }
        Num rate = nums.stream().filter(n -> n.start() == m.start(1)).findFirst().orElse(null);
        List<Num> levels = new ArrayList<>();
        List<Integer> years = new ArrayList<>();
        for (int i = 0; i + 1 < nums.size(); i++) {
            Num n = nums.get(i);
            Num y = nums.get(i + 1);
            if (n.unit() != null && !n.percent() && y.looksLikeYear()
                    && s.substring(n.end(), y.start()).matches("^\\s?\\Q" + n.unit() + "\\E\\s*(\\(|,)?\\s*(năm|vào năm)\\s*$")) {
                levels.add(n);
                years.add(y.value().intValue());
            }
        }
        if (rate == null || levels.size() != 2 || years.get(1) <= years.get(0) || !levels.get(0).unit().equals(levels.get(1).unit())) {
            return;
        }
        double exact = (Math.pow(levels.get(1).value().doubleValue() / levels.get(0).value().doubleValue(), 1.0 / (years.get(1) - years.get(0))) - 1) * 100;
        percentClaim(s, Kind.CHANGE_MISMATCH, BigDecimal.valueOf(exact), rate, "(" + levels.get(1).raw() + " ÷ " + levels.get(0).raw()
                + ")^(1/" + (years.get(1) - years.get(0)) + ") − 1", !Mentions.isBound(s, levels.get(0)) && !Mentions.isBound(s, levels.get(1)));
    }

    private record Base(String key, BigDecimal low, BigDecimal high, Num level, Num rate) {
    }

    private final List<Base> previousBases = new ArrayList<>();

    /**
     * "Đến 30/11, tổng nguồn vốn huy động đạt 85.357 tỷ đồng, tăng 27,73% so với đầu năm." then "Ước đến 31/12, tổng
     * nguồn vốn huy động đạt 83.893 tỷ đồng, tăng 25,54% so với đầu năm.": the same subject against the same base
     * in consecutive sentences must imply the same base (within the rounding of the rates).
     */
    private void sameBase(String s, List<Num> nums) {
        List<Base> now = new ArrayList<>();
        for (int i = 0; i + 1 < nums.size(); i++) {
            Num a = nums.get(i);
            Num p = nums.get(i + 1);
            if (a.unit() == null || a.percent() || !p.percent() || Mentions.isChange(s, a) || Mentions.isBound(s, a)) {
                continue;
            }
            Matcher mid = Pattern.compile("^\\s?\\Q" + a.unit() + "\\E\\s*,\\s*(tăng|giảm)\\s*$").matcher(s.substring(a.end(), p.start()));
            Matcher vs = Pattern.compile("^\\s?%\\s*so với ([\\p{L}\\d/ ]{3,25}?)\\s*[,.;(]").matcher(s.substring(p.end()));
            Matcher subject = Pattern.compile("(\\p{L}+ \\p{L}+ \\p{L}+)\\s+(?:đạt|là|được|ước đạt)\\s*$").matcher(s.substring(Math.max(0, a.start() - 60), a.start()));
            if (!mid.find() || !vs.find() || !subject.find()) {
                continue;
            }
            int sign = mid.group(1).equals("giảm") ? -1 : 1;
            BigDecimal half = BigDecimal.ONE.movePointLeft(p.decimals()).divide(BigDecimal.valueOf(2));
            BigDecimal rHigh = BigDecimal.ONE.add(p.value().add(half).multiply(BigDecimal.valueOf(sign)).movePointLeft(2));
            BigDecimal rLow = BigDecimal.ONE.add(p.value().subtract(half).multiply(BigDecimal.valueOf(sign)).movePointLeft(2));
            BigDecimal b1 = a.value().divide(rHigh, MathContext.DECIMAL64);
            BigDecimal b2 = a.value().divide(rLow, MathContext.DECIMAL64);
            String key = subject.group(1).toLowerCase() + "|" + vs.group(1).strip().toLowerCase() + "|" + a.unit();
            Base base = new Base(key, b1.min(b2), b1.max(b2), a, p);
            now.add(base);
            for (Base was : previousBases) {
                if (!was.key().equals(key)) {
                    continue;
                }
                boolean ok = base.low().compareTo(was.high()) <= 0 && was.low().compareTo(base.high()) <= 0;
                BigDecimal implied = a.value().divide(BigDecimal.ONE.add(p.value().multiply(BigDecimal.valueOf(sign)).movePointLeft(2)), MathContext.DECIMAL64);
                BigDecimal before = was.level().value().divide(BigDecimal.ONE.add(was.rate().value().multiply(BigDecimal.valueOf(sign)).movePointLeft(2)), MathContext.DECIMAL64);
                out.claim(new CheckedClaim(Kind.CHANGE_MISMATCH, "gốc " + a.raw() + "/(1 ± " + p.raw() + "%) = gốc câu trước ("
                        + was.level().raw() + ", " + was.rate().raw() + "%)", Numbers.vi().format(implied, 0), ok, s));
                if (!ok) {
                    out.finding(new Finding(Kind.CHANGE_MISMATCH, p.raw() + "%", null, s, "so với " + vs.group(1).strip() + ": câu này cho gốc "
                            + Numbers.vi().format(implied, 0) + ", câu trước cho gốc " + Numbers.vi().format(before, 0) + " " + a.unit()));
                }
            }
        }
        previousBases.clear();
        previousBases.addAll(now);
    }

    /** The level a change refers to: the nearest earlier figure of the same unit that is not itself a change. */
    private static Num levelBefore(String s, List<Num> nums, int i, String unit) {
        for (int j = i - 1; j >= 0; j--) {
            Num n = nums.get(j);
            if (unit.equals(n.unit()) && !Mentions.isChange(s, n)) {
                return n;
            }
        }
        return null;
    }

    /** "(1 + 21,24%) ÷ (1 + 6,16%) − 1", not 21,24 − 6,16. */
    private void deflated(String s, List<Num> nums) {
        Matcher m = DEFLATED.matcher(s);
        if (!m.find()) {
            return;
        }
        Num nominal = null;
        for (Num n : Mentions.numbers(previous)) {
            if (n.percent() && previous.substring(Math.max(0, n.start() - 8), n.start()).contains("tăng")) {
                nominal = n;
            }
        }
        List<Num> pct = nums.stream().filter(Num::percent).toList();
        if (nominal == null || pct.size() < 2) {
            return;
        }
        Num prices = pct.get(0);
        Num real = pct.get(pct.size() - 1);
        BigDecimal exact = BigDecimal.ONE.add(nominal.value().movePointLeft(2))
                .divide(BigDecimal.ONE.add(prices.value().movePointLeft(2)), MathContext.DECIMAL64)
                .subtract(BigDecimal.ONE).multiply(HUNDRED);
        String what = "(1 + " + nominal.raw() + "%) ÷ (1 + " + prices.raw() + "%) − 1";
        percentClaim(s, Kind.CHANGE_MISMATCH, exact, real, what, true);
    }

    // ---------------------------------------------------------------- breakdowns

    /** "T …: a, b và c", "T …; trong đó: …", "(x: a, y: b)", and a sentence opening with "Trong đó". */
    private void breakdowns(String s, List<Num> nums, List<Ratio> ratios) {
        Matcher m = INTRO.matcher(s);
        int consumed = 0;
        boolean first = true;
        while (m.find()) {
            int at = m.start();
            if (at < consumed) {
                continue;
            }
            List<Num> parts = partsAfter(s, nums, m.end());
            if (parts.isEmpty()) {
                first = false;
                continue;
            }
            String unit = parts.get(0).unit();
            boolean bracketed = Mentions.inBrackets(s, at);
            int limit = bracketed ? s.lastIndexOf('(', at) : at;
            if (parts.size() < 2 && !bracketed && !m.group().toLowerCase().startsWith("trong")) {
                first = false;
                continue;
            }
            Num total = null;
            for (Num n : nums) {
                if (n.start() >= limit || n.start() < consumed) {
                    continue;
                }
                if (unit != null && unit.equals(n.unit()) && !Mentions.isChange(s, n) && !plan(s, n)
                        && !Mentions.inBrackets(s, n.start())) {
                    total = n;
                }
            }
            boolean opensWithPart = first && total == null && OPENS_WITH_PART.matcher(s).find();
            if (total == null && opensWithPart) {
                total = firstOfUnit(previous, unit);
            }
            first = false;
            if (total == null) {
                continue;
            }
            for (Ratio r : ratios) {
                if (r.plan() == total) {
                    total = r.actual();
                }
            }
            String src = opensWithPart ? previous : s;
            for (Num part : parts) {
                Matcher pct = Pattern.compile("^\\s*\\(\\s*(?:đạt|chiếm|bằng)?\\s*(\\d+(?:,\\d+)?)\\s?%\\)").matcher(s.substring(part.end()));
                if (pct.find() && total.value().signum() != 0) {
                    Num p = nums.stream().filter(n -> n.percent() && n.start() == part.end() + pct.start(1)).findFirst().orElse(null);
                    if (p != null) {
                        ratio(s, Kind.PERCENT_MISMATCH, part.value(), total.value(), p, part.raw() + " ÷ " + total.raw(),
                                Mentions.isBound(s, part) || Mentions.isBound(src, total));
                    }
                }
            }
            boolean partial = PARTIAL.matcher(s.substring(m.start(), Math.min(s.length(), parts.get(parts.size() - 1).end() + 12))).find()
                    || s.strip().endsWith("...") || s.strip().endsWith(",...");
            String introWord = m.group().toLowerCase();
            sum(s, src, total, parts, partial, introWord.startsWith("trong"));
            changeSum(s, nums, total, parts);
            int closing = bracketed ? s.indexOf(')', at) : -1;
            consumed = Math.max(parts.get(parts.size() - 1).end(), closing);
        }
    }

    /** The parts after an intro: figures sharing the first part's unit, outside nested brackets, not changes. */
    private static List<Num> partsAfter(String s, List<Num> nums, int from) {
        List<Num> parts = new ArrayList<>();
        boolean bracketed = Mentions.inBrackets(s, from);
        int close = bracketed ? s.indexOf(')', from) : s.length();
        close = close < 0 ? s.length() : close;
        // a bullet ("+ Cây sắn: …") starts another item, unless the intro announced the list ("cụ thể như sau:")
        String intro = s.substring(Math.max(0, from - 12), from).toLowerCase();
        if (!intro.contains("như sau") && !intro.contains("cụ thể")) {
            Matcher bullet = Pattern.compile("\\s[+\\-–]\\s\\p{Lu}").matcher(s);
            if (bullet.find(from) && bullet.start() < close) {
                close = bullet.start();
            }
        }
        String unit = null;
        for (Num n : nums) {
            if (n.start() < from || n.start() >= close || n.percent() || n.looksLikeYear() || Mentions.isChange(s, n)
                    || (!bracketed && Mentions.inBrackets(s, n.start())) || CONTRIBUTION.matcher(s.substring(n.end())).find()) {
                continue;
            }
            boolean dateLike = (n.end() < s.length() && s.charAt(n.end()) == '/') || (n.start() > 0 && s.charAt(n.start() - 1) == '/');
            if (dateLike) {
                continue;
            }
            String u = n.unit() == null ? unitless(s, n, nums) : n.unit();
            if (u == null || u.contains("/")) {
                continue;
            }
            if (unit == null) {
                unit = u;
            }
            if (unit.equals(u)) {
                parts.add(u == n.unit() ? n : new Num(n.value(), n.decimals(), n.raw(), n.start(), n.end(), u, false));
            }
        }
        return parts;
    }

    /** "đã sử dụng: 1.700.300 (đạt 94,99%), còn tồn 89.608 liều": a bare number takes the unit of the next one. */
    private static String unitless(String s, Num n, List<Num> nums) {
        String before = s.substring(Math.max(0, n.start() - 3), n.start());
        if (!before.contains(":")) {
            return null;
        }
        for (Num later : nums) {
            if (later.start() > n.end() && later.unit() != null && !later.percent()) {
                return later.unit();
            }
        }
        return null;
    }

    private static Num firstOfUnit(String sentence, String unit) {
        for (Num n : Mentions.numbers(sentence)) {
            if (unit != null && unit.equals(n.unit()) && !Mentions.isChange(sentence, n)) {
                return n;
            }
        }
        return null;
    }

    /** A plan figure: after "KH", "kế hoạch", "dự toán", "nghị quyết", or alone in brackets right after a percentage. */
    private static boolean plan(String s, Num n) {
        String before = s.substring(Math.max(0, n.start() - 14), n.start()).toLowerCase();
        return before.matches(".*(kh|kế hoạch|dự toán|chỉ tiêu)\\s*$") || (Mentions.inBrackets(s, n.start())
                && before.matches(".*\\(\\s*$") && s.substring(Math.max(0, n.start() - 60), n.start()).contains("%"));
    }

    private void sum(String s, String totalSentence, Num total, List<Num> parts, boolean partial, boolean trongDo) {
        BigDecimal sum = parts.stream().map(Num::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean bound = Mentions.isBound(totalSentence, total) || parts.stream().anyMatch(p -> Mentions.isBound(s, p));
        String list = String.join(" + ", parts.stream().map(Num::raw).toList());
        String unit = total.unit() == null ? "" : " " + total.unit();
        BigDecimal gap = total.value().subtract(sum);
        boolean near = gap.abs().compareTo(total.value().abs().movePointLeft(2)) <= 0;
        if (bound) {
            out.unchecked(s, "số ước hoặc cận (trên, hơn, gần, khoảng)");
            return;
        }
        if (out.claimed(Kind.SUM_MISMATCH, s, total.raw() + " = ")) {
            return;
        }
        // "trong đó" items may overlap (the seed: "Chi cục Thuế …; thu trên địa bàn tự cân đối …"): above the total is
        // not an error that can be named, so it is left unchecked rather than alarmed.
        if (trongDo && !near && gap.signum() < 0) {
            out.unchecked(s, "các phần 'trong đó' có thể chồng nhau");
            return;
        }
        // A "trong đó" list that falls short by more than 1% names only some of the parts: only "parts ≤ total".
        if (partial || (trongDo && !near && gap.signum() > 0) || parts.size() == 1 && gap.signum() > 0) {
            boolean ok = sum.compareTo(total.value()) <= 0;
            out.claim(new CheckedClaim(Kind.SUM_MISMATCH, total.raw() + " ≥ " + list, Numbers.vi().format(sum), ok, s));
            if (!ok) {
                out.finding(new Finding(Kind.SUM_MISMATCH, total.raw() + unit, null, s, "các phần " + list + " = "
                        + Numbers.vi().format(sum) + unit + ", lớn hơn tổng " + total.raw() + unit + " (không rõ số nào sai)"));
            }
            return;
        }
        boolean ok = gap.signum() == 0;
        out.claim(new CheckedClaim(Kind.SUM_MISMATCH, total.raw() + " = " + list, Numbers.vi().format(sum), ok, s));
        if (!ok) {
            out.finding(new Finding(Kind.SUM_MISMATCH, total.raw() + unit, Numbers.vi().format(sum) + unit, s,
                    list + " = " + Numbers.vi().format(sum) + unit));
        }
    }

    /** "giảm 84,5 nghìn tấn …, trong đó … giảm 140,2 nghìn tấn …, … tăng 55,7 nghìn tấn": the changes add up too. */
    private void changeSum(String s, List<Num> nums, Num total, List<Num> parts) {
        Num totalChange = null;
        for (Num n : nums) {
            if (n.start() > total.end() && n.start() < parts.get(0).start() && Mentions.isChange(s, n) && n.unit() != null
                    && !n.percent() && !n.unit().contains("/")) {
                totalChange = n;
                break;
            }
        }
        if (totalChange == null) {
            return;
        }
        List<Num> changes = new ArrayList<>();
        for (Num n : nums) {
            if (n.start() > parts.get(0).start() && Mentions.isChange(s, n) && totalChange.unit().equals(n.unit())
                    && !Mentions.inBrackets(s, n.start())) {
                changes.add(n);
            }
        }
        if (changes.size() != parts.size()) {
            return;
        }
        BigDecimal sum = BigDecimal.ZERO;
        List<String> terms = new ArrayList<>();
        for (Num c : changes) {
            boolean down = Mentions.isDecrease(s, c);
            sum = sum.add(down ? c.value().negate() : c.value());
            terms.add((down ? "−" : "+") + c.raw());
        }
        BigDecimal stated = Mentions.isDecrease(s, totalChange) ? totalChange.value().negate() : totalChange.value();
        // changes are differences of rounded figures: each may be off by half a unit of its last digit
        int d = changes.stream().mapToInt(Num::decimals).max().orElse(0);
        BigDecimal tolerance = BigDecimal.ONE.movePointLeft(d).multiply(BigDecimal.valueOf(changes.size())).divide(BigDecimal.valueOf(2));
        boolean ok = sum.subtract(stated).abs().compareTo(tolerance) <= 0;
        String list = String.join(" ", terms);
        out.claim(new CheckedClaim(Kind.SUM_MISMATCH, totalChange.raw() + " = " + list, Numbers.vi().format(sum), ok, s));
        if (!ok) {
            out.finding(new Finding(Kind.SUM_MISMATCH, totalChange.raw() + " " + totalChange.unit(),
                    Numbers.vi().format(sum.abs()) + " " + totalChange.unit(), s, "thay đổi của các phần " + list + " = "
                    + Numbers.vi().format(sum) + " " + totalChange.unit()));
        }
    }

    /** "tăng 6,56%; … đóng góp 0,73 điểm phần trăm; … 1,73 …": the contributions add up to the growth. */
    private void contributions(String s, List<Num> nums) {
        List<Num> parts = new ArrayList<>();
        for (Num n : nums) {
            if (CONTRIBUTION.matcher(s.substring(n.end())).find()
                    && s.substring(Math.max(0, n.start() - 12), n.start()).toLowerCase().contains("đóng góp")) {
                parts.add(n);
            }
        }
        if (parts.size() < 2) {
            return;
        }
        Num growth = null;
        for (Num n : nums) {
            if (n.percent() && n.start() < parts.get(0).start()) {
                growth = n;
                break;
            }
        }
        if (growth == null || !GROWTH_HEADLINE.matcher(s.substring(0, growth.start())).find()) {
            growth = lastGrowth != null && growthAge <= 2 ? lastGrowth : null;
        }
        if (growth == null) {
            return;
        }
        BigDecimal sum = parts.stream().map(Num::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        int d = parts.stream().mapToInt(Num::decimals).max().orElse(0);
        // each contribution and the growth are rounded: their errors add up
        BigDecimal tolerance = BigDecimal.ONE.movePointLeft(d).multiply(BigDecimal.valueOf(parts.size()))
                .divide(BigDecimal.valueOf(2)).add(BigDecimal.ONE.movePointLeft(growth.decimals()).divide(BigDecimal.valueOf(2)));
        boolean ok = sum.subtract(growth.value()).abs().compareTo(tolerance) <= 0;
        String list = String.join(" + ", parts.stream().map(Num::raw).toList());
        out.claim(new CheckedClaim(Kind.SUM_MISMATCH, growth.raw() + " = " + list + " (điểm %)", Numbers.vi().format(sum), ok, s));
        if (!ok) {
            out.finding(new Finding(Kind.SUM_MISMATCH, growth.raw() + "%", null, s, "các phần đóng góp " + list + " = "
                    + Numbers.vi().format(sum) + " điểm phần trăm, không phải mức tăng " + growth.raw() + "%"));
        }
        contributionsRecomputed(s, nums, parts);
    }

    /** "T tỷ đồng, tăng G%; … V tỷ đồng, tăng g%, đóng góp c điểm phần trăm": c = (V − V/(1+g)) ÷ (T/(1+G)). */
    private void contributionsRecomputed(String s, List<Num> nums, List<Num> parts) {
        int t = -1;
        for (int i = 0; i + 1 < nums.size() && nums.get(i).start() < parts.get(0).start(); i++) {
            if (nums.get(i).unit() != null && !nums.get(i).percent() && nums.get(i + 1).percent()) {
                t = i;
                break;
            }
        }
        if (t < 0) {
            return;
        }
        Num total = nums.get(t);
        Num totalGrowth = nums.get(t + 1);
        BigDecimal before = total.value().divide(BigDecimal.ONE.add(totalGrowth.value().movePointLeft(2)), MathContext.DECIMAL64);
        for (Num c : parts) {
            int i = nums.indexOf(c);
            if (i < t + 2 || !nums.get(i - 1).percent() || !total.unit().equals(nums.get(i - 2).unit())) {
                continue;
            }
            Num v = nums.get(i - 2);
            Num g = nums.get(i - 1);
            BigDecimal gained = v.value().subtract(v.value().divide(BigDecimal.ONE.add(g.value().movePointLeft(2)), MathContext.DECIMAL64));
            BigDecimal exact = gained.divide(before, MathContext.DECIMAL64).multiply(HUNDRED);
            Num stated = new Num(c.value(), c.decimals(), c.raw(), c.start(), c.end(), "%", true);
            percentClaim(s, Kind.CHANGE_MISMATCH, exact, stated, "(" + v.raw() + " − " + v.raw() + "/(1 + " + g.raw() + "%)) ÷ ("
                    + total.raw() + "/(1 + " + totalGrowth.raw() + "%))", false);
        }
    }

    private void rememberGrowth(String s, List<Num> nums) {
        growthAge++;
        for (Num n : nums) {
            if (n.percent() && GROWTH_HEADLINE.matcher(s.substring(0, n.start())).find()
                    && s.substring(Math.max(0, n.start() - 10), n.start()).matches(".*(tăng|đạt)\\s*$")) {
                lastGrowth = n;
                growthAge = 0;
                return;
            }
        }
    }

    // ---------------------------------------------------------------- shares

    /** "Cơ cấu … chiếm 20,39%; … 31,88%; … 43,81%; … 3,92%" and the same in brackets: they make 100%. */
    private void shares(String s, List<Num> nums) {
        if (!SHARE_CONTEXT.matcher(s).find()) {
            return;
        }
        List<List<Num>> groups = new ArrayList<>(List.of(new ArrayList<>(), new ArrayList<>()));
        for (Num n : nums) {
            String before = s.substring(Math.max(0, n.start() - 14), n.start());
            boolean bare = !n.percent() && n.unit() == null && n.decimals() == 2 && before.toLowerCase().contains("tỷ trọng");
            if ((!n.percent() && !bare) || NOT_SHARE.matcher(before).find() || n.value().compareTo(HUNDRED) >= 0) {
                continue;
            }
            groups.get(Mentions.inBrackets(s, n.start()) ? 1 : 0).add(n);
        }
        for (List<Num> g : groups) {
            if (g.size() < 3) {
                continue;
            }
            int lastBracket = s.lastIndexOf('(', g.get(0).start());
            String ctx = Mentions.inBrackets(s, g.get(0).start()) ? s.substring(Math.max(0, lastBracket), g.get(0).start())
                    : s.substring(0, g.get(0).start());
            if (!SHARE_CONTEXT.matcher(ctx).find()) {
                continue;
            }
            BigDecimal sum = g.stream().map(Num::value).reduce(BigDecimal.ZERO, BigDecimal::add);
            int d = g.stream().mapToInt(Num::decimals).max().orElse(0);
            BigDecimal tolerance = BigDecimal.ONE.movePointLeft(d).multiply(BigDecimal.valueOf(g.size())).divide(BigDecimal.valueOf(2));
            boolean ok = sum.subtract(HUNDRED).abs().compareTo(tolerance) <= 0;
            String list = String.join(" + ", g.stream().map(Num::raw).toList());
            out.claim(new CheckedClaim(Kind.SHARES_MISMATCH, list + " = 100%", Numbers.vi().format(sum) + "%", ok, s));
            if (!ok) {
                out.finding(new Finding(Kind.SHARES_MISMATCH, g.get(0).raw() + "%", null, s, "các tỷ trọng " + list + " = "
                        + Numbers.vi().format(sum) + "%, không phải 100% (quá sai số làm tròn ±" + Numbers.vi().format(tolerance) + ")"));
            }
        }
    }

    // ---------------------------------------------------------------- products and averages

    /** "135ha, năng suất đạt 53 tạ/ha, sản lượng đạt 715,5tấn": area × yield = output. */
    private void products(String s, List<Num> nums) {
        for (int i = 0; i + 2 < nums.size(); i++) {
            Num area = nums.get(i);
            if (!"ha".equals(area.unit())) {
                continue;
            }
            Num yield = null;
            Num output = null;
            for (int j = i + 1; j < nums.size() && j <= i + 4; j++) {
                Num n = nums.get(j);
                if ("ha".equals(n.unit()) || s.substring(area.end(), n.start()).contains(";")) {
                    break;
                }
                if (yield == null && ("tạ/ha".equals(n.unit()) || "tấn/ha".equals(n.unit()))) {
                    yield = n;
                } else if (yield != null && "tấn".equals(n.unit()) && !Mentions.isChange(s, n)) {
                    output = n;
                    break;
                }
            }
            if (yield == null || output == null || Mentions.isBound(s, area) || Mentions.isBound(s, output)) {
                continue;
            }
            BigDecimal perHa = "tạ/ha".equals(yield.unit()) ? yield.value().movePointLeft(1) : yield.value();
            BigDecimal exactYield = output.value().divide(area.value(), MathContext.DECIMAL64)
                    .multiply("tạ/ha".equals(yield.unit()) ? BigDecimal.TEN : BigDecimal.ONE);
            // a yield is rounded, not truncated: the output must give it back half-up
            boolean ok = exactYield.setScale(yield.decimals(), RoundingMode.HALF_UP).compareTo(yield.value()) == 0;
            String what = area.raw() + " ha × " + yield.raw() + " " + yield.unit() + " = "
                    + Numbers.vi().format(area.value().multiply(perHa)) + " tấn";
            out.claim(new CheckedClaim(Kind.PRODUCT_MISMATCH, what + " → " + output.raw(), Numbers.vi().format(area.value().multiply(perHa)), ok, s));
            if (!ok) {
                out.finding(new Finding(Kind.PRODUCT_MISMATCH, output.raw() + " tấn", null, s, what + ", không phải "
                        + output.raw() + " tấn (" + output.raw() + " ÷ " + area.raw() + " = " + Numbers.vi().format(exactYield.setScale(2, RoundingMode.HALF_UP))
                        + " " + yield.unit() + ")"));
            }
        }
    }

    /**
     * "… diện tích lúa là 31.005 ha; ngô đạt 12.541 ha …" then "lúa đạt 62,87 tạ/ha, …, sản lượng đạt 194.931 tấn; ngô
     * đạt 45,10 tạ/ha, …": the area of the crop named before the yield, from the previous sentence.
     */
    private void productsWithAreaBefore(String s, List<Num> nums) {
        for (int i = 0; i + 1 < nums.size(); i++) {
            Num yield = nums.get(i);
            if (!"tạ/ha".equals(yield.unit())) {
                continue;
            }
            Matcher crop = Pattern.compile("(\\p{L}+)\\s+(?:đạt|ước đạt|là)\\s*$").matcher(s.substring(Math.max(0, yield.start() - 25), yield.start()));
            if (!crop.find() || s.substring(Math.max(0, yield.start() - 25), yield.start()).contains("ha")) {
                continue;
            }
            Num output = null;
            for (int j = i + 1; j < nums.size(); j++) {
                Num n = nums.get(j);
                if (s.substring(yield.end(), n.start()).contains(";") || "tạ/ha".equals(n.unit()) || "ha".equals(n.unit())) {
                    break;
                }
                if ("tấn".equals(n.unit()) && !Mentions.isChange(s, n)) {
                    output = n;
                    break;
                }
            }
            Matcher area = Pattern.compile("\\b" + Pattern.quote(crop.group(1)) + "\\s+(?:là|đạt|được)?\\s*(\\d{1,3}(?:\\.\\d{3})*(?:,\\d+)?)\\s?ha\\b",
                    Pattern.CASE_INSENSITIVE).matcher(previous);
            if (output == null || !area.find() || Mentions.isBound(s, output)) {
                continue;
            }
            BigDecimal ha = Numbers.vi().parse(area.group(1));
            if (ha == null || ha.signum() == 0) {
                continue;
            }
            BigDecimal exactYield = output.value().multiply(BigDecimal.TEN).divide(ha, MathContext.DECIMAL64);
            boolean ok = exactYield.setScale(yield.decimals(), RoundingMode.HALF_UP).compareTo(yield.value()) == 0;
            String what = area.group(1) + " ha (câu trước) × " + yield.raw() + " tạ/ha = " + Numbers.vi().format(ha.multiply(yield.value()).movePointLeft(1)) + " tấn";
            out.claim(new CheckedClaim(Kind.PRODUCT_MISMATCH, what + " → " + output.raw(), Numbers.vi().format(exactYield, 2), ok, s));
            if (!ok) {
                out.finding(new Finding(Kind.PRODUCT_MISMATCH, output.raw() + " tấn", null, s, what + ", không phải " + output.raw()
                        + " tấn (" + output.raw() + " ÷ " + area.group(1) + " ha = " + Numbers.vi().format(exactYield, 2) + " tạ/ha)"));
            }
        }
    }

    /** "307 tiêu chí … trên 18 xã, bình quân đạt 17,06 tiêu chí/xã": total ÷ count; and the weekly "… ca/ngày". */
    private void averages(String s, List<Num> nums) {
        for (Num avg : nums) {
            if (avg.unit() == null || !avg.unit().contains("/")
                    || !s.substring(Math.max(0, avg.start() - 20), avg.start()).toLowerCase().matches("(?s).*(bình quân|trung bình)( đạt)?\\s*$")) {
                continue;
            }
            String[] uw = avg.unit().split("/");
            Num total = null;
            Num count = null;
            for (Num n : nums) {
                if (n != avg && uw[0].equals(n.unit()) && !Mentions.isChange(s, n)) {
                    total = total == null ? n : total;
                } else if (n != avg && uw.length > 1 && uw[1].equals(n.unit()) && n.decimals() == 0) {
                    count = count == null ? n : count;
                }
            }
            if (total == null || count == null || count.value().signum() == 0) {
                continue;
            }
            BigDecimal exact = total.value().divide(count.value(), MathContext.DECIMAL64);
            boolean ok = matches(exact, avg);
            boolean certain = !Mentions.isBound(s, total) && !Mentions.isBound(s, count);
            out.claim(new CheckedClaim(Kind.AVERAGE_MISMATCH, total.raw() + " ÷ " + count.raw() + " → " + avg.raw(),
                    Numbers.vi().format(exact, Math.max(avg.decimals(), 1)), ok, s));
            if (!ok) {
                out.finding(new Finding(Kind.AVERAGE_MISMATCH, avg.raw() + " " + avg.unit(), certain
                        ? Numbers.vi().format(exact.setScale(avg.decimals(), RoundingMode.HALF_UP)) + " " + avg.unit() : null, s,
                        total.raw() + " ÷ " + count.raw() + " = " + Numbers.vi().format(exact, avg.decimals() + 2)));
            }
        }
        weekly(s, nums);
    }

    /** "ghi nhận 100 ca mắc mới, trung bình 14 ca/ngày" in a weekly report: 100 ÷ 7. */
    private void weekly(String s, List<Num> nums) {
        Matcher m = Pattern.compile("(trung bình|bình quân)\\s+(\\d+(?:,\\d+)?)\\s*(\\p{L}+)/ngày", Pattern.CASE_INSENSITIVE).matcher(s);
        if (!m.find() || !(s.toLowerCase().contains("tuần") || previous.toLowerCase().contains("tuần"))) {
            return;
        }
        Num avg = nums.stream().filter(n -> n.start() == m.start(2)).findFirst().orElse(null);
        Num total = null;
        for (Num n : nums) {
            if (n.end() <= m.start() && m.group(3).equalsIgnoreCase(n.unit())) {
                total = n;
            }
        }
        if (avg == null || total == null) {
            return;
        }
        BigDecimal exact = total.value().divide(BigDecimal.valueOf(7), MathContext.DECIMAL64);
        boolean ok = matches(exact, avg);
        out.claim(new CheckedClaim(Kind.AVERAGE_MISMATCH, total.raw() + " ÷ 7 ngày → " + avg.raw(), Numbers.vi().format(exact, 1), ok, s));
        if (!ok) {
            out.finding(new Finding(Kind.AVERAGE_MISMATCH, avg.raw() + " " + m.group(3) + "/ngày",
                    Numbers.vi().format(exact.setScale(avg.decimals(), RoundingMode.HALF_UP)) + " " + m.group(3) + "/ngày", s,
                    total.raw() + " ÷ 7 = " + Numbers.vi().format(exact, 2)));
        }
    }

    // ---------------------------------------------------------------- plans

    /**
     * "A unit, đạt P% … (B unit)", "A unit (KH B–C unit)", "A unit/KH B unit", "vượt P% KH" and "vượt N unit so với KH"
     * with the plan stated, and "tăng P%, vượt kế hoạch (kế hoạch tăng từ X - Y%)".
     */
    private void plans(String s, List<Num> nums) {
        for (int i = 0; i < nums.size(); i++) {
            Num a = nums.get(i);
            boolean slashPlan = a.unit() == null && s.substring(a.end()).matches("(?s)^\\s?/\\s?(KH|kế hoạch).*");
            if (slashPlan && i + 2 < nums.size()) {
                Num lo = nums.get(i + 1);
                Num hi = Mentions.isBound(s, lo) ? nums.get(i + 2) : lo;
                planRange(s, new Num(a.value(), a.decimals(), a.raw(), a.start(), a.end(), hi.unit(), false), lo, hi, "");
                continue;
            }
            if (a.unit() == null || (!a.percent() && Mentions.isChange(s, a))) {
                continue;
            }
            // the plan in brackets or after "/KH"
            String gapToNext = "";
            if (i + 1 < nums.size()) {
                int from = Math.min(nums.get(i + 1).start(), a.end() + (a.percent() ? 0 : a.unit().length())
                        + (a.end() < s.length() && s.charAt(a.end()) == ' ' ? 1 : 0));
                gapToNext = s.substring(from, nums.get(i + 1).start());
            }
            Matcher pm = Pattern.compile("^\\s*(?:\\(|/)\\s*(?:KH|kế hoạch|chỉ tiêu)\\s*:?\\s*$", Pattern.CASE_INSENSITIVE)
                    .matcher(gapToNext);
            if (!a.percent() && i + 1 < nums.size() && pm.find()) {
                Num lo = nums.get(i + 1);
                Num hi = i + 2 < nums.size() && Mentions.isBound(s, lo) ? nums.get(i + 2) : lo;
                planRange(s, a, lo, hi, "");
                continue;
            }
            // "đạt P% <words> (B unit)"
            if (!a.percent() && i + 2 < nums.size() && nums.get(i + 1).percent()) {
                Num p = nums.get(i + 1);
                Num b = nums.get(i + 2);
                String mid = s.substring(a.end(), p.start()).toLowerCase();
                String after = s.substring(p.end(), b.start());
                if (a.unit().equals(b.unit()) && mid.matches("^\\s?\\Q" + a.unit() + "\\E\\s*,?\\s*(đạt|bằng)\\s*$")
                        && after.matches("^\\s?%[\\p{L}\\s]{0,50}\\(\\s*$") && b.value().signum() != 0) {
                    ratio(s, Kind.PERCENT_MISMATCH, a.value(), b.value(), p, a.raw() + " ÷ " + b.raw() + " " + b.unit(),
                            Mentions.isBound(s, a));
                }
            }
            // "tăng P% …, vượt kế hoạch đề ra (kế hoạch tăng từ X - Y%)"
            if (a.percent() && i + 2 < nums.size()) {
                Num lo = nums.get(i + 1);
                Num hi = nums.get(i + 2);
                String mid = s.substring(a.end(), lo.start()).toLowerCase();
                if (lo.percent() || hi.percent()) {
                    if (mid.matches(".{0,60}(vượt|chưa đạt|không đạt|đạt) (kế hoạch|kh)[\\p{L}\\s]{0,20}\\(\\s*(kế hoạch|kh)[\\p{L}\\s]{0,20}$")
                            && Mentions.isBound(s, lo)) {
                        planRange(s, a, lo, hi, mid);
                    }
                }
            }
        }
    }

    /** A figure against a plan range: "vượt" needs it above, "không/chưa đạt" below; otherwise it must lie in or above it. */
    private void planRange(String s, Num a, Num lo, Num hi, String verbs) {
        String around = (verbs + " " + s.substring(Math.max(0, a.start() - 20), a.start())).toLowerCase();
        boolean over = around.contains("vượt");
        boolean under = around.contains("chưa đạt") || around.contains("không đạt");
        BigDecimal low = lo.value().min(hi.value());
        BigDecimal high = lo.value().max(hi.value());
        // "đạt 40.500/KH 41.000–42.000" reports a value, not that the plan was met: only "hoàn thành|đạt kế hoạch" claims it
        boolean met = around.contains("hoàn thành") || around.matches("(?s).*đạt (kế hoạch|kh)\\b.*");
        boolean ok = over ? a.value().compareTo(high) > 0 : under ? a.value().compareTo(low) < 0
                : !met || a.value().compareTo(low) >= 0;
        String range = lo == hi ? lo.raw() : lo.raw() + "–" + hi.raw();
        String position = a.value().compareTo(low) < 0 ? "dưới" : a.value().compareTo(high) > 0 ? "trên" : "trong khoảng";
        String verb = over ? "vượt" : under ? "chưa đạt" : met ? "đạt" : position;
        out.claim(new CheckedClaim(Kind.PLAN_MISMATCH, a.raw() + (a.percent() ? "%" : "") + " " + verb + " KH " + range,
                a.raw(), ok, s));
        if (!ok) {
            out.finding(new Finding(Kind.PLAN_MISMATCH, a.raw() + (a.percent() ? "%" : " " + a.unit()), null, s,
                    "báo cáo nói '" + verb + " kế hoạch' nhưng " + a.raw() + " so với kế hoạch " + range
                            + (over ? " không vượt" : under ? " đã đạt" : " chưa đạt")));
        }
    }

    /** "tất cả 108/108 xã": all means the two sides are equal. */
    private void all(String s, List<Ratio> ratios) {
        for (Ratio r : ratios) {
            String before = s.substring(Math.max(0, r.start() - 30), r.start()).toLowerCase();
            String after = s.substring(r.end(), Math.min(s.length(), r.end() + 60)).toLowerCase();
            if (!(before.contains("tất cả") || before.contains("toàn bộ") || after.matches("^[^;.]*\\bđều\\b.*"))) {
                continue;
            }
            boolean ok = r.actual().value().compareTo(r.plan().value()) == 0;
            out.claim(new CheckedClaim(Kind.COUNT_MISMATCH, "tất cả " + r.actual().raw() + "/" + r.plan().raw(), r.plan().raw(), ok, s));
            if (!ok) {
                out.finding(new Finding(Kind.COUNT_MISMATCH, r.actual().raw() + "/" + r.plan().raw(), null, s,
                        "'tất cả' nhưng " + r.actual().raw() + " khác " + r.plan().raw()));
            }
        }
    }

    /** "Trong 7 nhóm hàng tăng giá" right after "06 nhóm tăng giá": a count restated differently. */
    private void restatedCounts(String s, List<Num> nums) {
        Map<String, Num> now = new HashMap<>();
        for (Num n : nums) {
            if (n.unit() == null || n.decimals() != 0 || n.percent()) {
                continue;
            }
            String rest = s.substring(n.end(), Math.min(s.length(), n.end() + 25)).toLowerCase();
            Matcher v = Pattern.compile("^\\s?\\Q" + n.unit() + "\\E(?:\\s+hàng)?\\s+(tăng|giảm)").matcher(rest);
            if (v.find()) {
                String key = n.unit() + " " + v.group(1);
                now.put(key, n);
                Num was = previousCounts.get(key);
                if (was != null && s.toLowerCase().startsWith("trong " + n.raw()) && was.value().compareTo(n.value()) != 0) {
                    out.claim(new CheckedClaim(Kind.COUNT_MISMATCH, n.raw() + " " + key + " (câu trước: " + was.raw() + ")", was.raw(), false, s));
                    out.finding(new Finding(Kind.COUNT_MISMATCH, n.raw() + " " + n.unit(), null, s, "câu trước nói " + was.raw()
                            + " " + key + ", câu này nói " + n.raw()));
                }
            }
        }
        previousCounts.clear();
        previousCounts.putAll(now);
    }

    // ---------------------------------------------------------------- sizes

    /** "bằng 996% so với cùng kỳ" (a lost decimal comma), and "16,7 tỷ đồng" among parts in "nghìn tỷ đồng". */
    private void magnitudes(String s, List<Num> nums) {
        for (Num n : nums) {
            String before = s.substring(Math.max(0, n.start() - 8), n.start()).toLowerCase();
            String after = s.substring(n.end(), Math.min(s.length(), n.end() + 30)).toLowerCase();
            if (n.percent() && before.matches(".*bằng\\s*$") && after.contains("so với") && n.value().compareTo(BigDecimal.valueOf(500)) >= 0
                    && n.decimals() == 0) {
                String likely = Numbers.vi().format(n.value().movePointLeft(1), 1) + "%";
                out.claim(new CheckedClaim(Kind.MAGNITUDE, "bằng " + n.raw() + "% so với kỳ trước", likely, false, s));
                out.finding(new Finding(Kind.MAGNITUDE, n.raw() + "%", null, s, "bằng " + n.raw()
                        + "% so với kỳ trước là gấp gần " + n.value().divide(HUNDRED, 0, RoundingMode.HALF_UP)
                        + " lần; có lẽ mất dấu phẩy thập phân (" + likely + ")"));
            }
        }
        Matcher perHa = Pattern.compile("trên 0?1 ha|trên một ha|mỗi ha|bình quân 0?1 ha|/0?1 ha|đơn vị diện tích", Pattern.CASE_INSENSITIVE).matcher(s);
        if (perHa.find()) {
            for (Num n : nums) {
                if (n.start() < perHa.start() || n.start() - perHa.end() > 60) {
                    continue;
                }
                String after = s.substring(n.end(), Math.min(s.length(), n.end() + 14)).toLowerCase();
                if (("tỷ đồng".equals(n.unit()) || "tỉ đồng".equals(n.unit())) && !after.matches("(?s)^\\s?t[ỷỉ] đồng\\s*/\\s*(ha|hécta).*")
                        && n.value().compareTo(BigDecimal.ONE) >= 0) {
                    out.claim(new CheckedClaim(Kind.MAGNITUDE, n.raw() + " " + n.unit() + " trên một ha", n.raw() + " triệu đồng", false, s));
                    out.finding(new Finding(Kind.MAGNITUDE, n.raw() + " " + n.unit(), null, s, "giá trị trên một ha tính bằng tỷ đồng ("
                            + n.raw() + " tỷ = " + Numbers.vi().format(n.value().movePointRight(3)) + " triệu đồng/ha); có lẽ là "
                            + n.raw() + " triệu đồng"));
                }
            }
        }
        List<Num> money = nums.stream().filter(n -> "tỷ đồng".equals(n.unit()) || "tỉ đồng".equals(n.unit())
                || "nghìn tỷ đồng".equals(n.unit()) || "nghìn tỉ đồng".equals(n.unit())).toList();
        long thousands = money.stream().filter(n -> n.unit().startsWith("nghìn")).count();
        if (thousands == 0 || thousands == money.size() || !s.contains(";")) {
            return;
        }
        BigDecimal bigSmallest = money.stream().filter(n -> n.unit().startsWith("nghìn")).map(n -> n.value().movePointRight(3))
                .min(BigDecimal::compareTo).orElseThrow();
        for (Num n : money) {
            if (!n.unit().startsWith("nghìn") && n.value().multiply(HUNDRED).compareTo(bigSmallest) < 0) {
                String likely = n.raw() + " nghìn " + n.unit();
                out.claim(new CheckedClaim(Kind.MAGNITUDE, n.raw() + " " + n.unit() + " giữa các số nghìn tỷ", likely, false, s));
                out.finding(new Finding(Kind.MAGNITUDE, n.raw() + " " + n.unit(), null, s, n.raw() + " " + n.unit()
                        + " bên cạnh những phần tính bằng nghìn tỷ đồng (nhỏ hơn hàng trăm lần); có lẽ là " + likely));
            }
        }
    }

    // ---------------------------------------------------------------- shared

    /** A stated percentage against a ÷ b; inexact inputs give no correction. */
    private void ratio(String s, Kind kind, BigDecimal a, BigDecimal b, Num stated, String what, boolean approximate) {
        if (b.signum() == 0) {
            return;
        }
        BigDecimal exact = a.multiply(HUNDRED).divide(b, MathContext.DECIMAL64);
        percentClaim(s, kind, exact, stated, what, !approximate);
    }

    private void percentClaim(String s, Kind kind, BigDecimal exact, Num stated, String what, boolean certain) {
        boolean ok = matches(exact, stated);
        int d = Math.max(stated.decimals(), 1);
        String statedText = stated.raw() + "%";
        out.claim(new CheckedClaim(kind, what + " → " + statedText, Numbers.vi().percent(exact, d), ok, s));
        if (!ok) {
            out.finding(new Finding(kind, statedText, certain ? Numbers.vi().percent(exact, d) : null, s,
                    what + " = " + Numbers.vi().percent(exact, d + 1) + ", không phải " + statedText
                            + (certain ? "" : " (có số ước, không sửa)")));
        }
    }

    /** Matches when the exact value rounds half-up or truncates to the stated decimals. */
    static boolean matches(BigDecimal exact, Num stated) {
        int d = stated.decimals();
        return exact.setScale(d, RoundingMode.HALF_UP).compareTo(stated.value()) == 0
                || exact.setScale(d, RoundingMode.DOWN).compareTo(stated.value()) == 0;
    }
}
