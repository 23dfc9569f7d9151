package vn.kehoach.target;

import java.math.BigDecimal;
import java.util.List;

/**
 * One line of the sum check (kiểm tra phân bổ chỉ tiêu): a target of a unit beside what the targets of the units
 * directly below it make — their sum for an additive figure, the ratio recomputed from their parts for an indicator.
 *
 * @param figureCode     the figure checked
 * @param figureName     its name
 * @param unitOfMeasure  the code of its unit of measure
 * @param method         how the units below make the unit's figure
 * @param outcome        whether they add up
 * @param issuer         the issuer of the unit's target
 * @param issuerBelow    the issuer of the units' below targets when they all share one, else null
 * @param target         the unit's target (its lower end for a range)
 * @param targetHigh     the upper end of the unit's target when a range is involved on either side, else null
 * @param below          Σ of the units below, or the ratio recomputed from their parts; null when not computed
 * @param belowHigh      the same over the upper ends when a range is involved, else null
 * @param difference     below − target: positive when the units below plan more than the unit; null when not computed
 * @param differenceHigh belowHigh − targetHigh, else null
 * @param unitsBelow     how many units are directly below (in force during the period, agencies left out)
 * @param unitsPlanned   how many of them have the target(s) the check needs
 * @param missing        the codes of the units below without it
 * @param note           why the line cannot be checked, or who has no target yet, in Vietnamese; empty when nothing
 */
public record SumCheck(String figureCode, String figureName, String unitOfMeasure, Method method, Outcome outcome,
                       Issuer issuer, Issuer issuerBelow, BigDecimal target, BigDecimal targetHigh, BigDecimal below,
                       BigDecimal belowHigh, BigDecimal difference, BigDecimal differenceHigh, int unitsBelow,
                       int unitsPlanned, List<String> missing, String note) {

    public SumCheck {
        missing = missing == null ? List.of() : List.copyOf(missing);
        note = note == null ? "" : note;
    }

    /** How the units below make the unit's figure. */
    public enum Method {
        /** Cộng: a figure summed over the tree (output, area, herd size at the end of the year). */
        SUM("cộng"),
        /** Tính lại: an indicator recomputed from the summed targets of its parts. */
        RATIO("tính lại theo công thức"),
        /** Không cộng: averages, rates, figures that only the unit itself has. */
        NOT_ADDITIVE("không cộng");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What the check found. */
    public enum Outcome {
        /** Khớp: the units below make exactly the unit's target. */
        MATCH("khớp"),
        /** Lệch: they do not. */
        MISMATCH("lệch"),
        /** Không kiểm được: not additive, or a part is not planned below. */
        UNCHECKABLE("không kiểm được"),
        /** Chưa phân bổ: no unit below has a target for the figure yet. */
        NOT_ALLOCATED("chưa phân bổ");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
