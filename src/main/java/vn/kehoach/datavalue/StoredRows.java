package vn.kehoach.datavalue;

import java.math.BigDecimal;

/**
 * Receives stored values as numbers, one call per value and no object per row, when a whole table is read in
 * one pass ({@link DataValues#scan}). Ids are the database's: element, org unit and period.
 */
@FunctionalInterface
public interface StoredRows {

    void row(long elementId, long orgUnitId, long periodId, ValueKind kind, BigDecimal value, boolean illustrative);
}
