package vn.kehoach.period;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A reporting period (kỳ báo cáo). {@code index} is 1 for a year, the half (1–2), the quarter (1–4),
 * the month (1–12), or for year-to-date the last month included (1–12).
 */
public record Period(PeriodType type, int year, int index) implements Comparable<Period> {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern SIX_MONTH = Pattern.compile("(\\d{4})S(\\d+)");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q(\\d+)");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})(\\d{2})");
    private static final Pattern YTD = Pattern.compile("(\\d{4})YTD(\\d{1,2})");
    private static final String[] ROMAN = {"I", "II", "III", "IV"};
    private static final Comparator<Period> ORDER = Comparator.comparing(Period::start)
            .thenComparing(Comparator.comparing(Period::end).reversed());

    /**
     * The order in which stored periods make up a longer one: the longest first, then the earliest, then by type
     * (so 2021S1 comes before 2021YTD06, which covers the same months).
     */
    public static final Comparator<Period> COVER_ORDER = Comparator.comparingInt((Period p) -> -p.months())
            .thenComparing(Period::start).thenComparing(Period::type);

    public Period {
        if (type == null) {
            throw new IllegalArgumentException("type is required");
        }
        if (year < 1900 || year > 2200) {
            throw new InvalidPeriodException(String.valueOf(year), "năm phải trong khoảng 1900–2200");
        }
        int max = switch (type) {
            case YEARLY -> 1;
            case SIX_MONTHLY -> 2;
            case QUARTERLY -> 4;
            case MONTHLY, YEAR_TO_DATE -> 12;
        };
        if (index < 1 || index > max) {
            throw new InvalidPeriodException(idOf(type, year, index), switch (type) {
                case YEARLY -> "năm không có chỉ số";
                case SIX_MONTHLY -> "nửa năm chỉ có S1 hoặc S2";
                case QUARTERLY -> "quý chỉ từ Q1 đến Q4";
                case MONTHLY, YEAR_TO_DATE -> "tháng chỉ từ 01 đến 12";
            });
        }
    }

    public static Period year(int year) {
        return new Period(PeriodType.YEARLY, year, 1);
    }

    public static Period half(int year, int half) {
        return new Period(PeriodType.SIX_MONTHLY, year, half);
    }

    public static Period quarter(int year, int quarter) {
        return new Period(PeriodType.QUARTERLY, year, quarter);
    }

    public static Period month(int year, int month) {
        return new Period(PeriodType.MONTHLY, year, month);
    }

    public static Period yearToDate(int year, int lastMonth) {
        return new Period(PeriodType.YEAR_TO_DATE, year, lastMonth);
    }

    /** Reads "2021", "2021S1", "2021Q3", "202106" or "2021YTD09"; anything else is refused with a reason. */
    @JsonCreator
    public static Period parse(String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidPeriodException(id == null ? "" : id, "kỳ không được để trống");
        }
        String s = id.strip().toUpperCase();
        Matcher m;
        try {
            if ((m = YEAR.matcher(s)).matches()) {
                return year(Integer.parseInt(m.group(1)));
            }
            if ((m = SIX_MONTH.matcher(s)).matches()) {
                return half(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if ((m = QUARTER.matcher(s)).matches()) {
                return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if ((m = MONTH.matcher(s)).matches()) {
                return month(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if ((m = YTD.matcher(s)).matches()) {
                return yearToDate(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
        } catch (InvalidPeriodException e) {
            throw new InvalidPeriodException(id, e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
        } catch (NumberFormatException e) {
            // falls through to the general message
        }
        throw new InvalidPeriodException(id,
                "dùng dạng 2021 (năm), 2021S1 (6 tháng), 2021Q3 (quý), 202106 (tháng) hoặc 2021YTD09 (lũy kế)");
    }

    /** The DHIS2-style id: 2021, 2021S1, 2021Q3, 202106, 2021YTD09. */
    @JsonValue
    public String id() {
        return idOf(type, year, index);
    }

    private static String idOf(PeriodType type, int year, int index) {
        return switch (type) {
            case YEARLY -> String.valueOf(year);
            case SIX_MONTHLY -> year + "S" + index;
            case QUARTERLY -> year + "Q" + index;
            case MONTHLY -> year + String.format("%02d", index);
            case YEAR_TO_DATE -> year + "YTD" + String.format("%02d", index);
        };
    }

    public LocalDate start() {
        return LocalDate.of(year, firstMonth(), 1);
    }

    /** The last day of the period, inclusive. */
    public LocalDate end() {
        return YearMonth.of(year, lastMonth()).atEndOfMonth();
    }

    public int firstMonth() {
        return switch (type) {
            case YEARLY, YEAR_TO_DATE -> 1;
            case SIX_MONTHLY -> index == 1 ? 1 : 7;
            case QUARTERLY -> (index - 1) * 3 + 1;
            case MONTHLY -> index;
        };
    }

    public int lastMonth() {
        return switch (type) {
            case YEARLY -> 12;
            case SIX_MONTHLY -> index * 6;
            case QUARTERLY -> index * 3;
            case MONTHLY, YEAR_TO_DATE -> index;
        };
    }

    public int months() {
        return lastMonth() - firstMonth() + 1;
    }

    /** Cùng kỳ năm trước: the same period one year earlier. */
    public Period previousYear() {
        return new Period(type, year - 1, index);
    }

    /**
     * Kỳ trước: the period just before this one, of the same type (2021S1 → 2020S2, 2021Q1 → 2020Q4); for
     * year-to-date, which has no neighbour of its own span, the same span a year earlier.
     */
    public Period previous() {
        return switch (type) {
            case YEARLY -> year(year - 1);
            case SIX_MONTHLY -> index == 1 ? half(year - 1, 2) : half(year, 1);
            case QUARTERLY -> index == 1 ? quarter(year - 1, 4) : quarter(year, index - 1);
            case MONTHLY -> index == 1 ? month(year - 1, 12) : month(year, index - 1);
            case YEAR_TO_DATE -> previousYear();
        };
    }

    /** The period of this type that holds the day (for year-to-date: January to the day's month). */
    public static Period containing(PeriodType type, LocalDate day) {
        int m = day.getMonthValue();
        return switch (type) {
            case YEARLY -> year(day.getYear());
            case SIX_MONTHLY -> half(day.getYear(), m <= 6 ? 1 : 2);
            case QUARTERLY -> quarter(day.getYear(), (m - 1) / 3 + 1);
            case MONTHLY -> month(day.getYear(), m);
            case YEAR_TO_DATE -> yearToDate(day.getYear(), m);
        };
    }

    /** The calendar year that holds this period. */
    public Period calendarYear() {
        return year(year);
    }

    /** True when {@code other} lies wholly inside this period (a period contains itself). */
    public boolean contains(Period other) {
        return !other.start().isBefore(start()) && !other.end().isAfter(end());
    }

    /** True when both periods cover the same days, such as 2021S1 and 2021YTD06. */
    public boolean sameSpan(Period other) {
        return start().equals(other.start()) && end().equals(other.end());
    }

    public boolean overlaps(Period other) {
        return !other.end().isBefore(start()) && !other.start().isAfter(end());
    }

    /**
     * Of items stored for periods inside a longer one, those that make it up: taken in {@link #COVER_ORDER},
     * never two that overlap, so a half-year stored both as S1 and as six months counts once.
     */
    public static <T> List<T> cover(List<T> inside, Function<T, Period> periodOf) {
        List<T> sorted = new ArrayList<>(inside);
        sorted.sort(Comparator.comparing(periodOf, COVER_ORDER));
        List<T> cover = new ArrayList<>();
        for (T item : sorted) {
            Period p = periodOf.apply(item);
            if (cover.stream().noneMatch(c -> periodOf.apply(c).overlaps(p))) {
                cover.add(item);
            }
        }
        return cover;
    }

    /** The months of its year the period covers, as bits: bit 0 is January, bit 11 December. */
    public int monthMask() {
        return ((1 << lastMonth()) - 1) & ~((1 << (firstMonth() - 1)) - 1);
    }

    /** The Vietnamese name used in documents: "6 tháng đầu năm 2021", "Quý III/2021", "Tháng 6/2021". */
    public String label() {
        return switch (type) {
            case YEARLY -> "Năm " + year;
            case SIX_MONTHLY -> (index == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + year;
            case QUARTERLY -> "Quý " + ROMAN[index - 1] + "/" + year;
            case MONTHLY -> "Tháng " + index + "/" + year;
            case YEAR_TO_DATE -> index == 12 ? "Cả năm " + year : index + " tháng đầu năm " + year;
        };
    }

    @Override
    public int compareTo(Period other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return id();
    }
}
