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
 * the month (1–12), for year-to-date the last month included (1–12), for a crop season its
 * {@link CropSeason#index()} (1 Đông Xuân … 4 vụ Đông), and 1 for a crop year or a five-year period, whose
 * {@code year} is the first year ("2021-2025" has year 2021).
 *
 * <p>The calendar types lie inside one calendar year and contain each other by their months. Crop seasons and
 * crop years are a calendar of their own: a crop year contains the seasons of its year (which overlap in months
 * but never in crops), and no calendar period contains a season, so a figure kept by season is never counted
 * twice with the same figure kept by half-year. A five-year period contains the years, crop years and seasons
 * of its five years.
 */
public record Period(PeriodType type, int year, int index) implements Comparable<Period>, vn.kehoach.format.Labelled {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern SIX_MONTH = Pattern.compile("(\\d{4})S(\\d+)");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q(\\d+)");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})(\\d{2})");
    private static final Pattern YTD = Pattern.compile("(\\d{4})YTD(\\d{1,2})");
    private static final Pattern SEASON = Pattern.compile("(\\d{4})(DX|HT|MUA|VD)");
    private static final Pattern CROP_YEAR = Pattern.compile("(\\d{4})CY");
    private static final Pattern FIVE_YEARS = Pattern.compile("(\\d{4})-(\\d{4})");
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
            case YEARLY, CROP_YEAR, FIVE_YEARLY -> 1;
            case SIX_MONTHLY -> 2;
            case QUARTERLY, SEASON -> 4;
            case MONTHLY, YEAR_TO_DATE -> 12;
        };
        if (index < 1 || index > max) {
            throw new InvalidPeriodException(idOf(type, year, index), switch (type) {
                case YEARLY, CROP_YEAR, FIVE_YEARLY -> "năm không có chỉ số";
                case SEASON -> "vụ chỉ có DX, HT, MUA hoặc VD";
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

    /** The season harvested in the year: {@code season(2021, DONG_XUAN)} is Đông Xuân 2020 – 2021. */
    public static Period season(int year, CropSeason season) {
        return new Period(PeriodType.SEASON, year, season.index());
    }

    /** Năm sản xuất: the seasons of the year together. */
    public static Period cropYear(int year) {
        return new Period(PeriodType.CROP_YEAR, year, 1);
    }

    /** The five-year plan period that begins with the year: {@code fiveYears(2021)} is 2021–2025. */
    public static Period fiveYears(int firstYear) {
        return new Period(PeriodType.FIVE_YEARLY, firstYear, 1);
    }

    /**
     * Reads "2021", "2021S1", "2021Q3", "202106", "2021YTD09", a season "2021DX" (DX, HT, MUA, VD), a crop year
     * "2021CY" or a five-year period "2021-2025"; anything else is refused with a reason.
     */
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
            if ((m = SEASON.matcher(s)).matches()) {
                return season(Integer.parseInt(m.group(1)), CropSeason.ofCode(m.group(2)));
            }
            if ((m = CROP_YEAR.matcher(s)).matches()) {
                return cropYear(Integer.parseInt(m.group(1)));
            }
            if ((m = FIVE_YEARS.matcher(s)).matches()) {
                int first = Integer.parseInt(m.group(1));
                if (Integer.parseInt(m.group(2)) != first + 4) {
                    throw new InvalidPeriodException(id, "giai đoạn 5 năm đi từ năm đầu đến năm đầu + 4, như "
                            + first + "-" + (first + 4));
                }
                return fiveYears(first);
            }
        } catch (InvalidPeriodException e) {
            throw new InvalidPeriodException(id, e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
        } catch (NumberFormatException e) {
            // falls through to the general message
        }
        throw new InvalidPeriodException(id,
                "dùng dạng 2021 (năm), 2021S1 (6 tháng), 2021Q3 (quý), 202106 (tháng), 2021YTD09 (lũy kế), "
                        + "2021DX (vụ: DX, HT, MUA, VD), 2021CY (năm sản xuất) hoặc 2021-2025 (giai đoạn 5 năm)");
    }

    /** The DHIS2-style id: 2021, 2021S1, 2021Q3, 202106, 2021YTD09; and 2021DX, 2021CY, 2021-2025. */
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
            case SEASON -> year + CropSeason.ofIndex(index).code();
            case CROP_YEAR -> year + "CY";
            case FIVE_YEARLY -> year + "-" + (year + 4);
        };
    }

    public LocalDate start() {
        return switch (type) {
            case SEASON -> LocalDate.of(year, 1, 1).plusMonths(season().startOffset());
            case CROP_YEAR -> season(year, CropSeason.DONG_XUAN).start();
            case FIVE_YEARLY -> LocalDate.of(year, 1, 1);
            default -> LocalDate.of(year, firstMonth(), 1);
        };
    }

    /** The last day of the period, inclusive. */
    public LocalDate end() {
        return switch (type) {
            case SEASON -> YearMonth.from(start()).plusMonths(season().months() - 1L).atEndOfMonth();
            case CROP_YEAR -> season(year, CropSeason.DONG).end();
            case FIVE_YEARLY -> LocalDate.of(year + 4, 12, 31);
            default -> YearMonth.of(year, lastMonth()).atEndOfMonth();
        };
    }

    /** The crop season of a {@link PeriodType#SEASON} period. */
    public CropSeason season() {
        if (type != PeriodType.SEASON) {
            throw new IllegalStateException(id() + " không phải là một vụ");
        }
        return CropSeason.ofIndex(index);
    }

    /** The seasons of a crop year, Đông Xuân first. */
    public List<Period> seasons() {
        if (type != PeriodType.CROP_YEAR) {
            throw new IllegalStateException(id() + " không phải là năm sản xuất");
        }
        return java.util.Arrays.stream(CropSeason.values()).map(s -> season(year, s)).toList();
    }

    /** The crop year a season belongs to. */
    public Period cropYear() {
        if (type != PeriodType.SEASON) {
            throw new IllegalStateException(id() + " không phải là một vụ");
        }
        return cropYear(year);
    }

    /** The five years of a five-year period, in order. */
    public List<Period> years() {
        if (type != PeriodType.FIVE_YEARLY) {
            throw new IllegalStateException(id() + " không phải là giai đoạn 5 năm");
        }
        return java.util.stream.IntStream.rangeClosed(year, year + 4).mapToObj(Period::year).toList();
    }

    /** The last year of a five-year period (its own year for any other). */
    public int lastYear() {
        return type == PeriodType.FIVE_YEARLY ? year + 4 : end().getYear();
    }

    /** The first month inside the period's calendar year; for the calendar types only. */
    public int firstMonth() {
        return switch (type) {
            case YEARLY, YEAR_TO_DATE -> 1;
            case SIX_MONTHLY -> index == 1 ? 1 : 7;
            case QUARTERLY -> (index - 1) * 3 + 1;
            case MONTHLY -> index;
            default -> throw notCalendar();
        };
    }

    /** The last month inside the period's calendar year; for the calendar types only. */
    public int lastMonth() {
        return switch (type) {
            case YEARLY -> 12;
            case SIX_MONTHLY -> index * 6;
            case QUARTERLY -> index * 3;
            case MONTHLY, YEAR_TO_DATE -> index;
            default -> throw notCalendar();
        };
    }

    private IllegalStateException notCalendar() {
        return new IllegalStateException(id() + " (" + type.label() + ") không nằm gọn trong một năm dương lịch");
    }

    /** How many calendar months the period spans (a crop year, whose seasons cross two years, spans 15). */
    public int months() {
        YearMonth first = YearMonth.from(start());
        YearMonth last = YearMonth.from(end());
        return (last.getYear() - first.getYear()) * 12 + last.getMonthValue() - first.getMonthValue() + 1;
    }

    /**
     * Cùng kỳ năm trước: the same period one year earlier (the same season of the year before: Đông Xuân
     * 2019 – 2020 for Đông Xuân 2020 – 2021); for a five-year period, the five years before.
     */
    public Period previousYear() {
        return new Period(type, year - (type == PeriodType.FIVE_YEARLY ? 5 : 1), index);
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
            case YEAR_TO_DATE, CROP_YEAR, FIVE_YEARLY -> previousYear();
            case SEASON -> index == 1 ? season(year - 1, CropSeason.DONG) : new Period(type, year, index - 1);
        };
    }

    /**
     * The period of this type that holds the day (for year-to-date: January to the day's month; for a five-year
     * period, the one of the plan cycle 2021–2025, 2026–2030…). Seasons overlap and crop years span fifteen
     * months, so a day does not name one: they are refused.
     */
    public static Period containing(PeriodType type, LocalDate day) {
        int m = day.getMonthValue();
        return switch (type) {
            case SEASON, CROP_YEAR -> throw new IllegalArgumentException(
                    "một ngày không xác định được " + type.label() + ": các vụ gối lên nhau; hãy chọn kỳ");
            case FIVE_YEARLY -> fiveYears(2021 + Math.floorDiv(day.getYear() - 2021, 5) * 5);
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

    /**
     * True when {@code other} lies wholly inside this period (a period contains itself): by months between calendar
     * periods; a crop year contains the seasons of its year; a season contains only itself; a five-year period
     * contains whatever belongs to its five years.
     */
    public boolean contains(Period other) {
        if (equals(other)) {
            return true;
        }
        if (type == PeriodType.FIVE_YEARLY) {
            return other.type != PeriodType.FIVE_YEARLY && other.year >= year && other.year <= year + 4
                    && (!other.type.calendar() || other.end().getYear() <= year + 4);
        }
        if (type == PeriodType.CROP_YEAR) {
            return other.type == PeriodType.SEASON && other.year == year;
        }
        if (!type.calendar() || !other.type.calendar()) {
            return false;
        }
        return !other.start().isBefore(start()) && !other.end().isAfter(end());
    }

    /** True when both periods cover the same days in the same calendar, such as 2021S1 and 2021YTD06. */
    public boolean sameSpan(Period other) {
        if (type.calendar() != other.type.calendar()) {
            return false;
        }
        if (!type.calendar() && type != other.type) {
            return false;
        }
        return start().equals(other.start()) && end().equals(other.end());
    }

    /**
     * True when the periods share days of the same calendar: two seasons only when they are the same season
     * (seasons share months, never crops), a season and a crop year when it is one of the year's.
     */
    public boolean overlaps(Period other) {
        if (type == PeriodType.SEASON || other.type == PeriodType.SEASON
                || type == PeriodType.CROP_YEAR || other.type == PeriodType.CROP_YEAR) {
            return equals(other) || contains(other) || other.contains(this);
        }
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

    /** The months of its year the period covers, as bits: bit 0 is January, bit 11 December; calendar types only. */
    public int monthMask() {
        return ((1 << lastMonth()) - 1) & ~((1 << (firstMonth() - 1)) - 1);
    }

    /** The Vietnamese name used in documents: "6 tháng đầu năm 2021", "Quý III/2021", "Tháng 6/2021". */
    @Override
    public String label() {
        return switch (type) {
            case YEARLY -> "Năm " + year;
            case SIX_MONTHLY -> (index == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + year;
            case QUARTERLY -> "Quý " + ROMAN[index - 1] + "/" + year;
            case MONTHLY -> "Tháng " + index + "/" + year;
            case YEAR_TO_DATE -> index == 12 ? "Cả năm " + year : index + " tháng đầu năm " + year;
            case SEASON -> seasonLabel();
            case CROP_YEAR -> "Năm sản xuất " + year;
            case FIVE_YEARLY -> "Giai đoạn " + year + " – " + (year + 4);
        };
    }

    /**
     * The key of the label in the {@code labels} bundle, for pages in the reader's language: "Period.SIX_MONTHLY.1"
     * ("First half of {0}"), "Period.QUARTERLY", "Period.SEASON.DX"; the Vietnamese values print as {@link #label()}.
     */
    @Override
    public String labelKey() {
        return switch (type) {
            case SIX_MONTHLY -> "Period.SIX_MONTHLY." + index;
            case YEAR_TO_DATE -> index == 12 ? "Period.YEAR_TO_DATE.12" : "Period.YEAR_TO_DATE";
            case SEASON -> "Period.SEASON." + season().code();
            default -> "Period." + type.name();
        };
    }

    /**
     * The arguments of {@link #labelKey()}, as text: {0} the year (for a season crossing the year "2020 – 2021"),
     * {1} the index, {2} the quarter in Roman numerals, {3} the last year of a five-year period, {4} the English name
     * of the month.
     */
    @Override
    public Object[] labelArgs() {
        String years = String.valueOf(year);
        if (type == PeriodType.SEASON && start().getYear() != end().getYear()) {
            years = start().getYear() + " – " + end().getYear();
        }
        String roman = type == PeriodType.QUARTERLY ? ROMAN[index - 1] : "";
        String month = type == PeriodType.MONTHLY || type == PeriodType.YEAR_TO_DATE
                ? java.time.Month.of(index).getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) : "";
        return new Object[] {years, String.valueOf(index), roman, String.valueOf(year + 4), month};
    }

    /** "Vụ Đông Xuân 2020 – 2021", "Vụ Hè Thu 2021", "Vụ Đông 2021 – 2022". */
    private String seasonLabel() {
        CropSeason s = season();
        String name = Character.toUpperCase(s.label().charAt(0)) + s.label().substring(1);
        int from = start().getYear();
        int to = end().getYear();
        return from == to ? name + " " + year : name + " " + from + " – " + to;
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
