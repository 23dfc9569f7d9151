package vn.kehoach.comparison;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import vn.kehoach.format.Numbers;

/** Reads the "as of" of a comparison: a day (its end, Viet Nam time) or an exact instant. */
public final class AsOf {

    /** Viet Nam's time zone, in which a day given as "2022-03-31" ends. */
    public static final ZoneId VIETNAM = Numbers.VIETNAM;

    private AsOf() {
    }

    /** "2022-03-31" is the last microsecond of that day in Viet Nam; "2022-03-31T10:00:00Z" is that instant. */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip();
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).plusDays(1).atStartOfDay(VIETNAM).toInstant().minus(1, ChronoUnit.MICROS);
            }
            return Instant.parse(s);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("thời điểm '" + text + "' không đọc được; dùng dạng 2022-03-31 hoặc "
                    + "2022-03-31T10:00:00Z");
        }
    }
}
