package vn.kehoach.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Numbers the Vietnamese way: "." groups thousands and "," marks decimals (7.380 tấn; 1.492,9 ha;
 * 13,747 tỷ đồng; 99,4%). Rounding is half-up, as Vietnamese statistical reports round.
 */
public final class Numbers {

    /** Plain digits, optional thousands groups of three with ".", optional decimals after ",". */
    private static final Pattern VI_NUMBER = Pattern.compile("-?(\\d{1,3}(\\.\\d{3})+|\\d+)(,\\d+)?");
    private static final Pattern MACHINE_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter SIGNED_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss xxx");
    /**
     * Giờ Việt Nam (UTC+7): the clock of every time shown to a person and of every "day" cut (a vintage date, an
     * as-of date, a deadline). One zone for the whole process, fixed at start: {@code -Dkehoach.time-zone=…} or the
     * environment variable {@code KEHOACH_TIME_ZONE} may name another (a test, a deployment abroad), so that the
     * times shown and the days cut never disagree; the default is Asia/Ho_Chi_Minh whatever the server's own zone.
     */
    public static final ZoneId VIETNAM = configuredZone();
    private static final Numbers VI = new Numbers();

    private Numbers() {
    }

    public static Numbers vi() {
        return VI;
    }

    /** 7380 → "7.380"; 1492.9 with 1 decimal → "1.492,9". Null prints as an empty string. */
    public String format(BigDecimal value, int decimals) {
        if (value == null) {
            return "";
        }
        BigDecimal rounded = value.setScale(decimals, RoundingMode.HALF_UP);
        DecimalFormat f = new DecimalFormat(decimals > 0 ? "#,##0." + "0".repeat(decimals) : "#,##0", symbols());
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(rounded);
    }

    /** As {@link #format(BigDecimal, int)} but with the value's own decimals, trailing zeros removed. */
    public String format(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal plain = value.stripTrailingZeros();
        return format(plain, Math.max(0, plain.scale()));
    }

    /** 99.367 with 1 decimal → "99,4%". */
    public String percent(BigDecimal value, int decimals) {
        return value == null ? "" : format(value, decimals) + "%";
    }

    /** Rounds half-up to the given decimals; the one rounding rule for printed figures. */
    public static BigDecimal round(BigDecimal value, int decimals) {
        return value == null ? null : value.setScale(decimals, RoundingMode.HALF_UP);
    }

    /** The value without trailing zeros and never in exponent form: 7380.00000000 → 7380, 13.74700 → 13.747. */
    public static BigDecimal normal(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal plain = value.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }

    /** Machine form for CSV and JSON: dot decimal, no grouping, no trailing zeros ("7380", "13.747"). */
    public static String machine(BigDecimal value) {
        if (value == null) {
            return "";
        }
        return normal(value).toPlainString();
    }

    /**
     * Reads a number typed the Vietnamese way ("7.380", "1.492,9", "-5", "13,747") and also the machine
     * form with a dot decimal when it cannot be a thousands group ("1492.9"). Returns null for text that is
     * not a number, so the caller can name the cell.
     */
    public BigDecimal parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip().replace("\u00a0", "").replace(" ", "");
        if (s.isEmpty()) {
            return null;
        }
        if (VI_NUMBER.matcher(s).matches()) {
            return new BigDecimal(s.replace(".", "").replace(',', '.'));
        }
        if (MACHINE_NUMBER.matcher(s).matches()) {
            return new BigDecimal(s);
        }
        return null;
    }

    /**
     * Reads the machine form of files and APIs: dot decimal, no grouping ("13.747" is thirteen point
     * seven). Returns null for anything else.
     */
    public static BigDecimal parseMachine(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        return MACHINE_NUMBER.matcher(s).matches() ? new BigDecimal(s) : null;
    }

    /** Digits before the decimal mark a stored figure may have: numeric(28, 8) holds 20. */
    public static final int MAX_INTEGER_DIGITS = 20;
    /** Digits after the decimal mark a stored figure may have: numeric(28, 8) holds 8. */
    public static final int MAX_DECIMALS = 8;

    /**
     * Why a number read from text cannot be stored exactly as written — "số quá lớn: tối đa 20 chữ số phần
     * nguyên" or "tối đa 8 chữ số thập phân" (the database would round it silently) — or null when it can. Every
     * channel that reads typed or sent numbers (the entry grid, imports, the DHIS2 API) asks this one rule.
     */
    public static String unstorable(BigDecimal value) {
        String tooLarge = tooLarge(value);
        if (tooLarge != null) {
            return tooLarge;
        }
        return normal(value).scale() > MAX_DECIMALS ? "tối đa " + MAX_DECIMALS + " chữ số thập phân" : null;
    }

    /** The half of {@link #unstorable} no stored figure may break, whatever its source: too many integer digits. */
    public static String tooLarge(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal n = normal(value);
        return n.precision() - n.scale() > MAX_INTEGER_DIGITS
                ? "số quá lớn: tối đa " + MAX_INTEGER_DIGITS + " chữ số phần nguyên" : null;
    }

    /** 30/06/2021. */
    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** Today in Vietnam (not on the server's clock): the day pages and commands count from. */
    public LocalDate today() {
        return LocalDate.now(VIETNAM);
    }

    /** 10/07/2021 14:05, in Vietnamese time: the one way a page, a message or the CLI prints an instant. */
    public String dateTime(Instant at) {
        return at == null ? "" : DATE_TIME.format(at.atZone(VIETNAM));
    }

    /**
     * 10/07/2021 14:05:09 +07:00, in the configured zone with its offset: the time of a signature, printed in the
     * signature box of a PDF and by {@code kehoach verify}.
     */
    public String signedTime(java.time.temporal.TemporalAccessor at) {
        if (at == null) {
            return "";
        }
        Instant instant = at instanceof Instant i ? i : Instant.from(at);
        return SIGNED_TIME.format(instant.atZone(VIETNAM));
    }

    /** Now in the configured zone (Vietnam time unless set otherwise): the clock of a signature. */
    public static java.time.ZonedDateTime now() {
        return java.time.ZonedDateTime.now(VIETNAM);
    }

    private static ZoneId configuredZone() {
        String name = System.getProperty("kehoach.time-zone", System.getenv("KEHOACH_TIME_ZONE"));
        return name == null || name.isBlank() ? ZoneId.of("Asia/Ho_Chi_Minh") : ZoneId.of(name.strip());
    }

    private static DecimalFormatSymbols symbols() {
        DecimalFormatSymbols s = new DecimalFormatSymbols();
        s.setGroupingSeparator('.');
        s.setDecimalSeparator(',');
        s.setMinusSign('-');
        return s;
    }
}
