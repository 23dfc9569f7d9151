package vn.kehoach.document.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import vn.kehoach.catalog.Figure;
import vn.kehoach.comparison.Comparison;
import vn.kehoach.comparison.Status;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.format.Numbers;
import vn.kehoach.period.Period;
import vn.kehoach.target.Basis;
import vn.kehoach.target.Direction;
import vn.kehoach.target.Issuer;
import vn.kehoach.target.Target;

/**
 * What a sentence template (mẫu câu) can say about one figure of a unit in a period: every method is a Mustache
 * variable ({{actualOfTarget}}, {{pctOfPlan}}…) or, when it returns a boolean or a list, a section
 * ({{#exceeded}}…{{/exceeded}}, {{#targets}}…{{/targets}}). Numbers come already printed the Vietnamese way; an
 * absent number is an empty string, which a section treats as false.
 */
public final class FigureView {

    /**
     * Printed after an illustrative number, in prose as in the forms ("19,785*"; see {@link FormTable#ILLUSTRATIVE_NOTE}).
     * One rule for both: a stored number that is illustrative (a value, a target, the same period's value) carries
     * it; a number computed from it (a percentage, a change, an excess) does not, since the demo implied those
     * inputs from the very percentages and changes the report states.
     */
    static final String ILLUSTRATIVE_MARK = "*";

    /**
     * Units that count whole things. Officers write a count of them below ten with a leading zero ("05 người",
     * "chết 01 con", "07 xã", "01 hợp tác xã"), so nothing can be written in front of it; amounts (tấn, ha, tỷ
     * đồng, %) never take one. The one place this rule is decided.
     */
    static final Set<String> COUNT_UNITS = Set.of("người", "xã", "hộ", "khẩu", "con", "hợp tác xã", "doanh nghiệp",
            "công trình", "giấy phép", "giấy chứng nhận", "lượt", "vụ", "đơn", "cơ sở", "đoàn", "trường", "tin bài",
            "buổi", "suất", "hồ sơ", "thẻ", "phiếu", "văn bản", "đại biểu", "tập thể", "trường hợp", "liều", "tiêu chí");

    private final String label;
    private final Figure figure;
    private final String unit;
    private final Period period;
    private final List<Comparison> rows;
    private final Comparison c;
    private final Supplier<List<UnitItem>> units;
    private final int unitTotal;

    FigureView(String label, Figure figure, String unit, Period period, List<Comparison> rows, Comparison primary,
               Supplier<List<UnitItem>> units, int unitTotal) {
        this.label = label;
        this.figure = figure;
        this.unit = unit == null ? "" : unit;
        this.period = period;
        this.rows = rows;
        this.c = primary;
        this.units = units;
        this.unitTotal = unitTotal;
    }

    /**
     * The view of the figure among the unit's comparisons for the period: the estimate where one went into the
     * figure ("ước"), else the latest vintage where a preliminary figure went into it ("sơ bộ"), else the actual
     * value, else the target alone; measured against {@code issuer}'s target when
     * given and set, else the first.
     */
    static FigureView of(String label, Figure figure, String unit, Period period, List<Comparison> all, String issuer,
                         Supplier<List<UnitItem>> units, int unitTotal) {
        List<Comparison> mine = all.stream().filter(x -> x.figure().code().equals(figure.code())).toList();
        List<Comparison> estimate = mine.stream().filter(x -> x.kind() == ValueKind.ESTIMATE).toList();
        List<Comparison> preliminary = mine.stream().filter(x -> x.kind() == ValueKind.PRELIMINARY).toList();
        List<Comparison> actual = mine.stream().filter(x -> x.kind() == ValueKind.ACTUAL).toList();
        List<Comparison> chosen = !estimate.isEmpty() ? estimate : !preliminary.isEmpty() ? preliminary
                : !actual.isEmpty() ? actual : mine.stream().filter(x -> x.kind() == null).toList();
        Comparison primary = chosen.isEmpty() ? null : chosen.get(0);
        if (issuer != null) {
            Issuer wanted = Issuer.parse(issuer);
            primary = chosen.stream().filter(x -> x.target() != null && x.target().issuer() == wanted).findFirst()
                    .orElse(primary);
        }
        return new FigureView(label, figure, unit, period, chosen, primary, units, unitTotal);
    }

    private FigureView withPrimary(Comparison other) {
        return new FigureView(label, figure, unit, period, rows, other, units, unitTotal);
    }

    private Target t() {
        return c == null ? null : c.target();
    }

    /**
     * The label as a clause prints it; one that ends with a number is joined to the figure with a colon, so the two
     * numbers do not run together: "hợp tác xã theo Nghị định 68: 05 người", "mũi 1: 544 người".
     */
    public String label() {
        if (label == null || label.isEmpty()) {
            return "";
        }
        return Character.isDigit(label.charAt(label.length() - 1)) ? label + ":" : label;
    }

    public String name() {
        return figure.name();
    }

    public String code() {
        return figure.code();
    }

    public String unit() {
        return unit;
    }

    public boolean hasValue() {
        return c != null && c.actual() != null;
    }

    /** The value is zero: "không có nợ quá hạn", "không xảy ra vụ ngộ độc". */
    public boolean zero() {
        return hasValue() && c.actual().signum() == 0;
    }

    public boolean estimate() {
        return c != null && c.kind() == ValueKind.ESTIMATE;
    }

    /** The value holds a preliminary figure (sơ bộ). */
    public boolean preliminary() {
        return c != null && c.kind() == ValueKind.PRELIMINARY;
    }

    /** The vintage as the document names it: "ước thực hiện", "sơ bộ", "thực hiện". */
    public String vintage() {
        return c == null || c.kind() == null ? "" : c.kind().label();
    }

    /** Why the figure is not compared with the same period last year (a definition change, a split). */
    public String notComparable() {
        return c == null || c.notComparable() == null ? "" : c.notComparable();
    }

    public boolean illustrative() {
        return c != null && c.illustrative();
    }

    /** The value without its unit: "7.380", "05" (a count below ten), "19,785*" (illustrative). */
    public String actual() {
        return hasValue() ? count(Printed.value(c.actual(), figure), c.actual()) + mark(c.illustrative()) : "";
    }

    /** A whole count of a {@link #COUNT_UNITS} unit below ten gets its leading zero. */
    private String count(String printed, BigDecimal v) {
        if (v == null || !COUNT_UNITS.contains(unit) || v.signum() <= 0 || v.compareTo(BigDecimal.TEN) >= 0
                || v.stripTrailingZeros().scale() > 0) {
            return printed;
        }
        return "0" + printed;
    }

    private static String mark(boolean illustrative) {
        return illustrative ? ILLUSTRATIVE_MARK : "";
    }

    /** True when a number this view prints is illustrative: the composer then adds the note once. */
    boolean anyIllustrative() {
        return c != null && c.anyIllustrative();
    }

    /**
     * The value reaches a level target that is a total to fill rather than a plan to measure against: "bầu đủ
     * 30/30 đại biểu" (worded by the {@code of-total} template, never "đạt 100,0% KH").
     */
    public boolean complete() {
        return hasValue() && hasTarget() && t().basis() == Basis.LEVEL && c.actual().compareTo(t().value()) >= 0;
    }

    /** The value with its unit: "7.380 tấn", "60,9%". */
    public String value() {
        return Printed.withUnit(actual(), unit);
    }

    public boolean hasTarget() {
        return t() != null;
    }

    public String target() {
        return hasTarget() ? count(Printed.target(t().value(), figure), t().value()) + mark(t().illustrative()) : "";
    }

    public String targetValue() {
        return hasTarget() ? Printed.withUnit(target(), t().basis() == Basis.GROWTH_PCT ? "%" : unit) : "";
    }

    /** The upper bound of a range target, with its unit. */
    public String targetHighValue() {
        return hasTarget() && t().valueHigh() != null ? Printed.withUnit(Printed.target(t().valueHigh(), figure),
                t().basis() == Basis.GROWTH_PCT ? "%" : unit) : "";
    }

    /** "7.380/7.427 tấn" as plans write value against target, or "7.380 tấn" without a target. */
    public String actualOfTarget() {
        if (!hasValue()) {
            return "";
        }
        if (!hasTarget() || t().basis() != Basis.LEVEL) {
            return value();
        }
        return Printed.withUnit(actual() + "/" + target(), unit);
    }

    /** The year the target was set for: "2021". */
    public String targetYear() {
        return hasTarget() ? String.valueOf(t().period().year()) : "";
    }

    public String pctOfPlan() {
        return c == null || c.pctOfPlan() == null ? "" : Printed.percent(c.pctOfPlan(), figure);
    }

    /** True when the target is a ceiling ("dưới 4%", "xuống còn 18%"): worded by {{gap}}, never by {{pctOfPlan}}. */
    public boolean ceiling() {
        return c != null && c.ceiling();
    }

    /**
     * The difference to a ceiling as officers write it: "cao hơn chỉ tiêu 3,87 điểm %", "thấp hơn chỉ tiêu 1,2 điểm %
     * (đạt)"; empty without a value or a target.
     */
    public String gap() {
        if (!hasValue() || c.gap() == null) {
            return "";
        }
        boolean met = c.status() == Status.MET || c.status() == Status.EXCEEDED;
        return c.gap().text() + (met ? " (đạt)" : "");
    }

    /** "số liệu 6 tháng" when the values stop before the end of the period; empty otherwise. */
    public String dataNote() {
        return c == null || c.dataNote() == null ? "" : c.dataNote();
    }

    public boolean exceeded() {
        return c != null && c.status() == Status.EXCEEDED;
    }

    public boolean met() {
        return c != null && c.status() == Status.MET;
    }

    public boolean notMet() {
        return c != null && c.status() == Status.NOT_MET;
    }

    public boolean inProgress() {
        return c != null && c.status() == Status.IN_PROGRESS;
    }

    /** vượt, đạt, không đạt, đang thực hiện, chưa có số liệu. */
    public String status() {
        return c == null || c.status() == null ? "" : c.status().label();
    }

    /** By how much the value passes a level target, with its unit: "461 con". */
    public String overTarget() {
        if (!hasValue() || !hasTarget() || t().basis() != Basis.LEVEL) {
            return "";
        }
        BigDecimal over = c.actual().subtract(t().value()).abs();
        return Printed.withUnit(count(Printed.value(over, figure), over), unit);
    }

    /** "UBND tỉnh giao". */
    public String issuer() {
        return hasTarget() ? t().issuer().label() : "";
    }

    /** "UBND tỉnh". */
    public String issuerShort() {
        return hasTarget() ? t().issuer().shortLabel() : "";
    }

    public String decision() {
        return hasTarget() && t().decision() != null ? t().decision() : "";
    }

    public boolean level() {
        return hasTarget() && t().basis() == Basis.LEVEL;
    }

    public boolean change() {
        return hasTarget() && t().basis() == Basis.CHANGE;
    }

    public boolean growth() {
        return hasTarget() && t().basis() == Basis.GROWTH_PCT;
    }

    public boolean atLeast() {
        return direction(Direction.AT_LEAST);
    }

    public boolean atMost() {
        return direction(Direction.AT_MOST);
    }

    public boolean above() {
        return direction(Direction.ABOVE);
    }

    public boolean below() {
        return direction(Direction.BELOW);
    }

    public boolean about() {
        return direction(Direction.ABOUT);
    }

    public boolean range() {
        return direction(Direction.RANGE);
    }

    private boolean direction(Direction d) {
        return hasTarget() && t().direction() == d;
    }

    /** One view per target of the figure, for "đạt 69,48% dự toán UBND tỉnh giao, đạt 68,74% dự toán HĐND huyện giao". */
    public List<FigureView> targets() {
        return rows.stream().filter(x -> x.target() != null).map(this::withPrimary).toList();
    }

    public boolean hasPrevious() {
        return c != null && c.previous() != null;
    }

    /** Cùng kỳ: "7.410 tấn". */
    public String previousValue() {
        return hasPrevious() ? Printed.withUnit(count(Printed.value(c.previous(), figure), c.previous())
                + mark(c.previousIllustrative()), unit) : "";
    }

    /** The year of the same period last year: "2020". */
    public String previousYear() {
        return String.valueOf(period.year() - 1);
    }

    public String pctVsPrevious() {
        return c == null || c.pctVsPrevious() == null ? "" : Printed.percent(c.pctVsPrevious(), figure);
    }

    public boolean increased() {
        return hasValue() && hasPrevious() && c.changeVsPrevious().signum() > 0;
    }

    public boolean decreased() {
        return hasValue() && hasPrevious() && c.changeVsPrevious().signum() < 0;
    }

    public boolean unchanged() {
        return hasValue() && hasPrevious() && c.changeVsPrevious().signum() == 0;
    }

    /** The change on the same period without its sign, with its unit: "35,4 ha". */
    public String changeAbs() {
        if (!hasValue() || !hasPrevious()) {
            return "";
        }
        BigDecimal change = c.changeVsPrevious().abs();
        return Printed.withUnit(count(Printed.value(change, figure), change), unit);
    }

    /** The units below with a value other than zero: the communes where an outbreak recurred. */
    public List<UnitItem> units() {
        return units.get();
    }

    public boolean hasUnits() {
        return !units().isEmpty();
    }

    /** "Quang Long, Vinh Quý, Minh Long". */
    public String unitNames() {
        return String.join(", ", units().stream().map(UnitItem::name).toList());
    }

    /** How many units have a value other than zero, two digits: "07". */
    public String unitCount() {
        return Printed.count(units().size());
    }

    /** How many units there are at that level, two digits: "13". */
    public String unitTotal() {
        return Printed.count(unitTotal);
    }

    /** The last day of the period: "30/06/2021". */
    public String periodEnd() {
        return Numbers.vi().date(period.end());
    }

    /** "6 tháng đầu năm 2021". */
    public String period() {
        return Printed.lowerFirst(period.label());
    }

    /** A unit below with its value: the place name without "Xã"/"Thị trấn". */
    public record UnitItem(String name, String value) {
    }

    BigDecimal rawValue() {
        return hasValue() ? c.actual() : null;
    }
}
