package vn.kehoach.datavalue;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import vn.kehoach.format.Numbers;

/**
 * A value's vintage date (ngày báo cáo, công bố) as files and APIs write it: a day ("2021-07-30"), which begins in
 * Viet Nam, or an exact instant ("2021-07-30T08:00:00Z"). The one reader and writer of it.
 */
public final class VintageDate {

    /** The zone in which a vintage date given as a day begins. */
    public static final ZoneId VIETNAM = Numbers.VIETNAM;

    private VintageDate() {
    }

    /**
     * The instant the text names; null for none. A date after now is refused: a figure cannot have been reported in
     * the future.
     */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String v = text.strip();
        Instant at;
        try {
            at = v.length() == 10 ? LocalDate.parse(v).atStartOfDay(VIETNAM).toInstant() : Instant.parse(v);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + v + "' không phải là ngày báo cáo dạng 2021-07-30 (hoặc thời "
                    + "điểm 2021-07-30T08:00:00Z)");
        }
        if (at.isAfter(Instant.now())) {
            throw new IllegalArgumentException("ngày báo cáo " + v + " chưa đến; số liệu không thể được báo cáo "
                    + "trong tương lai");
        }
        return at;
    }

    /** The day ("2021-07-30") when the instant begins a day in Viet Nam, as a day is stored; else the instant. */
    public static String text(Instant at) {
        if (at == null) {
            return null;
        }
        ZonedDateTime local = at.atZone(VIETNAM);
        return local.toLocalTime().equals(LocalTime.MIDNIGHT) ? local.toLocalDate().toString() : at.toString();
    }

    /** The day of the instant in Viet Nam. */
    public static LocalDate day(Instant at) {
        return at.atZone(VIETNAM).toLocalDate();
    }
}
