package vn.kehoach.datavalue;

import java.math.BigDecimal;
import java.time.Instant;

import vn.kehoach.period.Period;

/**
 * A value to store. {@code expectedVersion}, when given, must match the stored version, so two people
 * saving the same cell get a conflict instead of a silent overwrite. {@code reportedAt} is the value's vintage
 * date (ngày báo cáo, công bố): when the figure was reported or published; null means now, when it is keyed in.
 */
public record DataValueWrite(String elementCode, String orgUnitCode, Period period, ValueKind kind, BigDecimal value,
                             String comment, boolean illustrative, Integer expectedVersion, Instant reportedAt) {

    public DataValueWrite {
        if (elementCode == null || orgUnitCode == null || period == null || kind == null) {
            throw new IllegalArgumentException("số liệu cần chỉ tiêu, đơn vị, kỳ và loại");
        }
        if (value == null) {
            throw new IllegalArgumentException("số liệu '" + elementCode + "' của '" + orgUnitCode + "' kỳ "
                    + period.id() + " thiếu giá trị");
        }
    }

    /** A value reported when it is keyed in. */
    public DataValueWrite(String elementCode, String orgUnitCode, Period period, ValueKind kind, BigDecimal value,
                          String comment, boolean illustrative, Integer expectedVersion) {
        this(elementCode, orgUnitCode, period, kind, value, comment, illustrative, expectedVersion, null);
    }

    public static DataValueWrite of(String element, String unit, Period period, ValueKind kind, BigDecimal value) {
        return new DataValueWrite(element, unit, period, kind, value, null, false, null);
    }
}
