package vn.kehoach.catalog;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.config.ExpressionConfiguration;
import com.ezylang.evalex.parser.ParseException;

/**
 * An indicator formula over catalog codes, evaluated with EvalEx in BigDecimal (34 significant digits):
 * {@code RICE_OUTPUT / RICE_AREA * 10} gives tạ/ha from tấn and ha.
 */
public final class Formula {

    private static final ExpressionConfiguration CONFIG = ExpressionConfiguration.builder()
            .mathContext(MathContext.DECIMAL128).build();

    private final String text;
    private final Set<String> variables;

    private Formula(String text, Set<String> variables) {
        this.text = text;
        this.variables = variables;
    }

    /** Parses the formula; a syntax error is reported with the formula's text. */
    public static Formula parse(String text) {
        try {
            Expression e = new Expression(text, CONFIG);
            e.validate();
            return new Formula(text, new TreeSet<>(e.getUsedVariables()));
        } catch (ParseException e) {
            throw new IllegalArgumentException("công thức '" + text + "' sai cú pháp: " + e.getMessage());
        }
    }

    /** The codes the formula reads. */
    public Set<String> variables() {
        return variables;
    }

    /** The value, or null when it cannot be computed (a division by zero). Every variable must be given. */
    public BigDecimal evaluate(Map<String, BigDecimal> values) {
        try {
            Expression e = new Expression(text, CONFIG);
            for (String v : variables) {
                e.with(v, values.get(v));
            }
            return e.evaluate().getNumberValue();
        } catch (EvaluationException e) {
            if (e.getMessage() != null && e.getMessage().contains("Division by zero")) {
                return null;
            }
            throw new IllegalStateException("không tính được công thức '" + text + "': " + e.getMessage(), e);
        } catch (ParseException e) {
            throw new IllegalStateException("công thức '" + text + "' sai cú pháp: " + e.getMessage(), e);
        }
    }

    /**
     * The value over operands that may be missing (null), by the indicator's rule: a ratio has none unless every
     * operand has one ({@link MissingValues#SKIP_IF_ANY_MISSING}); a sum of parts counts a missing part as zero
     * unless all are missing. Null when there is no value or it cannot be computed.
     */
    public BigDecimal evaluate(Map<String, BigDecimal> operands, MissingValues rule) {
        Map<String, BigDecimal> args = new java.util.HashMap<>();
        int missing = 0;
        for (String v : variables) {
            BigDecimal value = operands.get(v);
            if (value == null) {
                missing++;
                value = BigDecimal.ZERO;
            }
            args.put(v, value);
        }
        if (missing == variables.size() || (missing > 0 && rule == MissingValues.SKIP_IF_ANY_MISSING)) {
            return null;
        }
        return evaluate(args);
    }

    @Override
    public String toString() {
        return text;
    }
}
