package vn.kehoach.narrative;

import java.math.BigDecimal;

/**
 * A value or target read from a report's text, matched to a catalog figure by name with a confidence (0–1), for a
 * planner to review before it is imported.
 *
 * @param value           the number as stated, in the stated unit
 * @param valueInFigureUnit the number converted to the matched figure's unit, when the units convert
 * @param refusal         why it is not proposed for import as read (in Vietnamese: a range or a bound, no period, a
 *                        weak or doubtful match), null when it is; the figure stays for the planner to see
 */
public record Proposal(Type type, String subject, BigDecimal value, String unit, String period, boolean estimate,
                       String figureCode, String figureName, double confidence, BigDecimal valueInFigureUnit,
                       String sentence, String refusal) {

    /** True when the extractor proposes it for import as it stands. */
    public boolean proposed() {
        return refusal == null;
    }

    public enum Type {
        /** A figure achieved (thực hiện, ước thực hiện). */
        VALUE,
        /** A figure planned (kế hoạch, chỉ tiêu). */
        TARGET
    }
}
