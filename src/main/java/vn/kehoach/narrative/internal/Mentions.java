package vn.kehoach.narrative.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.kehoach.format.Numbers;

/**
 * The numbers of a sentence, read the Vietnamese way (7.380; 1.492,9; 13,747), with the unit that follows each
 * (tấn, ha, con, liều, tỷ đồng, %…) and the ratios "a/b" that reports use for actual/plan.
 */
public final class Mentions {

    /** A number in a sentence: its value, its printed decimals, where it is, and the unit word after it. */
    public record Num(BigDecimal value, int decimals, String raw, int start, int end, String unit, boolean percent) {

        /** True for 1900–2100 without a unit: most likely a year. */
        public boolean looksLikeYear() {
            return unit == null && !percent && decimals == 0 && value.compareTo(BigDecimal.valueOf(1900)) >= 0
                    && value.compareTo(BigDecimal.valueOf(2100)) <= 0 && raw.length() == 4;
        }
    }

    /** "a/b unit": actual over plan, as "7.380/7.427 tấn" or "1.492,9/1500ha". */
    public record Ratio(Num actual, Num plan, String unit, int start, int end) {
    }

    /** Units longest first, so "tỷ đồng" wins over "đồng" and "tạ/ha" over "tạ". */
    public static final List<String> UNITS = List.of("tiêu chí/xã", "ca/ngày", "triệu đồng/ha", "giường bệnh/1 vạn dân",
            "bác sĩ/1 vạn dân", "điểm phần trăm", "nghìn tỷ đồng", "nghìn tỉ đồng", "triệu USD", "triệu tấn",
            "nghìn tấn", "nghìn ha", "triệu cây", "nghìn con", "triệu con", "tỉ đồng", "tỷ đồng", "triệu đồng", "nghìn đồng", "tạ/ha", "tấn/ha", "giấy phép", "công trình",
            "đại biểu", "tiêu chí", "cơ sở", "đơn vị", "tin bài", "đồng", "tấn", "tạ", "kg", "ha", "con", "liều",
            "lượt", "người", "hộ", "khẩu", "xã", "phiếu", "giờ", "vụ", "đoàn", "trường", "thẻ", "suất", "xuất",
            "hồ sơ", "tập thể", "cá nhân", "đơn", "buổi", "tin", "ca", "dn", "nhóm", "địa phương");

    /** Words before a number that make it a bound or an approximation, never an exact figure. */
    private static final Pattern BOUND = Pattern.compile("(?:trên|hơn|gần|khoảng|xấp xỉ|dưới|ngoài|tới|từ|ít nhất|tối thiểu|tối đa)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CHANGE = Pattern.compile("(?:tăng|giảm)(?: thêm)?\\s*$", Pattern.CASE_INSENSITIVE);

    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.,\\p{L}])(\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?|\\d+(?:,\\d+)?)(?![\\d]|[.,]\\d)");

    private Mentions() {
    }

    public static List<Num> numbers(String s) {
        List<Num> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(s);
        while (m.find()) {
            String raw = m.group(1);
            BigDecimal v = Numbers.vi().parse(raw);
            if (v == null) {
                continue;
            }
            int decimals = raw.contains(",") ? raw.length() - raw.indexOf(',') - 1 : 0;
            String rest = s.substring(m.end());
            boolean percent = rest.matches("^\\s?%.*");
            String unit = percent ? "%" : unitAt(rest);
            out.add(new Num(v, decimals, raw, m.start(), m.end(), unit, percent));
        }
        return out;
    }

    /** How a report writes its numbers: 1.234,5 (Vietnamese) or 1,234.5 (as some spreadsheets export them). */
    public enum Style { VI, EN }

    private static final Pattern TOKEN = Pattern.compile("(?<![\\d.,\\p{L}])\\d[\\d.,]*\\d(?![\\d]|[.,]\\d)");
    private static final Pattern VI_SURE = Pattern.compile("^\\d{1,3}(\\.\\d{3})+,\\d+$|^\\d+,(\\d{1,2}|\\d{4,})$");
    private static final Pattern EN_SURE = Pattern.compile("^\\d{1,3}(,\\d{3})+\\.\\d+$|^\\d+\\.(\\d{1,2}|\\d{4,})$");

    /**
     * Counts the measured numbers (followed by % or a unit) that can only be read one way: "1.234,5", "12,5" are
     * Vietnamese, "1,234.5", "89.3 %" are not; "1.234" could be either and is not counted.
     */
    public static int[] styleEvidence(String text) {
        int[] n = new int[2];
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String rest = text.substring(m.end());
            if (!rest.matches("(?s)^\\s?%.*") && unitAt(rest) == null) {
                continue;
            }
            if (VI_SURE.matcher(m.group()).matches()) {
                n[0]++;
            } else if (EN_SURE.matcher(m.group()).matches()) {
                n[1]++;
            }
        }
        return n;
    }

    /** A sentence of a report written 1,234.5 rewritten 1.234,5, so that every rule reads it the same way. */
    public static String asVietnamese(String s) {
        Matcher m = TOKEN.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String swapped = m.group().replace('.', '\u0000').replace(',', '.').replace('\u0000', ',');
            m.appendReplacement(out, Matcher.quoteReplacement(swapped));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** "hơn 85 tỷ", "trên 2.300", "khoảng 360", either end of "8–9%" or "14 - 16%": not an exact figure. */
    public static boolean isBound(String s, Num n) {
        String before = s.substring(Math.max(0, n.start() - 12), n.start());
        if (BOUND.matcher(before).find()) {
            return true;
        }
        String after = s.substring(n.end(), Math.min(s.length(), n.end() + 4));
        return after.matches("^\\s?[-–]\\s?\\d.*") || before.matches(".*\\d\\s?[-–]\\s?$");
    }

    /** "tăng 2.375 tỷ đồng", "giảm 84,5 nghìn tấn": an amount of change, not a level. */
    public static boolean isChange(String s, Num n) {
        return CHANGE.matcher(s.substring(Math.max(0, n.start() - 10), n.start())).find();
    }

    /** "giảm …": the sign of a change amount. */
    public static boolean isDecrease(String s, Num n) {
        return s.substring(Math.max(0, n.start() - 10), n.start()).toLowerCase().contains("giảm");
    }

    /** Inside a parenthesis that opened before {@code pos} and has not closed. */
    public static boolean inBrackets(String s, int pos) {
        int depth = 0;
        for (int i = 0; i < pos && i < s.length(); i++) {
            char c = s.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        }
        return depth > 0;
    }

    /** The unit word at the start of {@code rest} (after at most one space), or null. */
    static String unitAt(String rest) {
        String r = rest.startsWith(" ") ? rest.substring(1) : rest;
        String lower = r.toLowerCase();
        for (String u : UNITS) {
            if (lower.startsWith(u) && (lower.length() == u.length() || !Character.isLetter(lower.charAt(u.length())))) {
                return u;
            }
        }
        return null;
    }

    /** The "a/b" pairs of a sentence; dates (30/6/2021) and document numbers (31/2020/NQ) are not ratios. */
    public static List<Ratio> ratios(String s, List<Num> nums) {
        List<Ratio> out = new ArrayList<>();
        for (int i = 0; i + 1 < nums.size(); i++) {
            Num a = nums.get(i);
            Num b = nums.get(i + 1);
            String between = s.substring(a.end(), b.start());
            boolean unitBoth = a.unit() != null && !a.percent() && between.matches("^\\s?\\Q" + a.unit() + "\\E\\s?/\\s?$");
            if (!between.equals("/") && !unitBoth) {
                continue;
            }
            boolean date = b.end() < s.length() && s.charAt(b.end()) == '/';
            boolean afterSlash = a.start() > 0 && s.charAt(a.start() - 1) == '/';
            boolean ofAYear = b.looksLikeYear();
            String before = s.substring(Math.max(0, a.start() - 6), a.start()).toLowerCase();
            if (date || afterSlash || ofAYear || before.contains("ngày") || before.contains("số")) {
                continue;
            }
            String unit = b.unit() != null ? b.unit() : a.unit();
            out.add(new Ratio(a, b, unit, a.start(), b.end()));
        }
        out.sort(Comparator.comparingInt(Ratio::start));
        return out;
    }
}
