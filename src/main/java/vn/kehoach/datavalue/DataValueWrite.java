package vn.kehoach.datavalue;

import java.math.BigDecimal;

import vn.kehoach.period.Period;

/**
 * A value to store. {@code expectedVersion}, when given, must match the stored version, so two people
 * saving the same cell get a conflict instead of a silent overwrite.
 */
public record DataValueWrite(String elementCode, String orgUnitCode, Period period, ValueKind kind, BigDecimal value,
                             String comment, boolean illustrative, Integer expectedVersion) {

    public DataValueWrite {
        if (elementCode == null || orgUnitCode == null || period == null || kind == null) {
            throw new IllegalArgumentException("số liệu cần chỉ tiêu, đơn vị, kỳ và loại");
        }
        if (value == null) {
            throw new IllegalArgumentException("số liệu '" + elementCode + "' của '" + orgUnitCode + "' kỳ "
                    + period.id() + " thiếu giá trị");
        }
    }

    public static DataValueWrite of(String element, String unit, Period period, ValueKind kind, BigDecimal value) {
        return new DataValueWrite(element, unit, period, kind, value, null, false, null);
    }
}
