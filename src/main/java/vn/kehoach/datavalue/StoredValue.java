package vn.kehoach.datavalue;

import java.math.BigDecimal;

import vn.kehoach.period.Period;

/** A value as the aggregation engines read it: numbers and ids, no text. */
public record StoredValue(String elementCode, long orgUnitId, Period period, ValueKind kind, BigDecimal value,
                          boolean illustrative) {
}
