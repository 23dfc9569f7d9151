package vn.kehoach.datavalue;

import java.math.BigDecimal;
import java.time.Instant;

import vn.kehoach.period.Period;

/**
 * A stored value with its comment, version and last change (who keyed it, when), and its vintage date
 * {@code reportedAt}: when the figure was reported or published (ngày báo cáo, công bố).
 */
public record DataValue(String elementCode, String orgUnitCode, Period period, ValueKind kind, BigDecimal value,
                        String comment, boolean illustrative, int version, String updatedBy, Instant updatedAt,
                        Instant reportedAt) {
}
