package vn.kehoach.datavalue;

import java.math.BigDecimal;

import vn.kehoach.period.Period;

/**
 * Published inside the transaction that saves or deletes a value, so that a module keeping figures derived from
 * stored values (the analytics engine's in-memory index) can apply the change once the transaction commits,
 * without this module knowing it.
 *
 * @param value the value now stored, or null when it was deleted
 */
public record DataValueChanged(String elementCode, String orgUnitCode, Period period, ValueKind kind, BigDecimal value,
                               boolean illustrative) {
}
