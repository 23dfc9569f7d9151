package vn.kehoach.project.internal;

import java.time.LocalDate;

/** The date figures of a plan year are read at when none is given: today within the year, else its last day. */
final class AsOf {

    private AsOf() {
    }

    static LocalDate of(int year, LocalDate given) {
        if (given != null) {
            return given;
        }
        LocalDate end = LocalDate.of(year, 12, 31);
        LocalDate today = LocalDate.now(vn.kehoach.format.Numbers.VIETNAM);
        return today.isBefore(end) ? today : end;
    }
}
