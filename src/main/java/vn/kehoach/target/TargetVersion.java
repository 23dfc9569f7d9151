package vn.kehoach.target;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One version of a target adopted by a resolution: version 1 is the adopted target, each later one an adjustment
 * (điều chỉnh kế hoạch) with its decision and the day it takes effect.
 *
 * @param version       1 for the adopted target, 2… for its adjustments
 * @param direction     its direction
 * @param value         its value (the lower end of a range)
 * @param valueHigh     the upper end of a range, else null
 * @param decision      the act: the adopting resolution for version 1, the adjusting decision for the others
 * @param effectiveFrom the day it takes effect
 * @param recordedBy    who recorded it
 * @param recordedAt    when
 */
public record TargetVersion(int version, Direction direction, BigDecimal value, BigDecimal valueHigh, String decision,
                            LocalDate effectiveFrom, String recordedBy, Instant recordedAt) {

    /** True for an adjustment, false for the adopted target itself. */
    public boolean adjustment() {
        return version > 1;
    }

    /** The decision a target in this version carries: the adopting one, naming the adjustment when there is one. */
    static String decisionOf(TargetVersion adopted, TargetVersion inForce) {
        if (!inForce.adjustment()) {
            return adopted.decision();
        }
        return adopted.decision() + " (điều chỉnh theo " + inForce.decision() + ")";
    }
}
