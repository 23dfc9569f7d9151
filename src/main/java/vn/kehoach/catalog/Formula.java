package vn.kehoach.catalog;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.config.ExpressionConfiguration;
import com.ezylang.evalex.parser.ASTNode;
import com.ezylang.evalex.parser.ParseException;
import com.ezylang.evalex.parser.Token;

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

    /**
     * Parses the formula; a syntax error is reported with the formula's text and the position (from 1, in
     * characters) where the parser stopped.
     */
    public static Formula parse(String text) {
        if (text == null || text.isBlank()) {
            throw new CatalogException("formula", text, "công thức không được để trống");
        }
        try {
            Expression e = new Expression(text, CONFIG);
            e.validate();
            return new Formula(text, new TreeSet<>(e.getUsedVariables()));
        } catch (ParseException e) {
            String where = e.getStartPosition() > 0 ? " tại vị trí " + e.getStartPosition() : "";
            String token = e.getTokenString() == null || e.getTokenString().isBlank() ? ""
                    : " ('" + e.getTokenString() + "')";
            throw new CatalogException("formula", text, "công thức '" + text + "' sai cú pháp" + where + token
                    + ": " + e.getMessage());
        }
    }

    /**
     * A division whose divisor may be zero: where its {@code /} stands (from 1) and the codes the divisor reads.
     * An empty list of codes: a divisor of numbers alone that is zero, or a sum or a difference of codes that are
     * each non-zero (A − B can be zero all the same).
     */
    public record RiskyDivision(int position, List<String> codes) {
    }

    /**
     * The divisions whose divisor may be zero. A divisor is safe only when it cannot be zero by construction: a
     * number other than 0, a code {@code nonZero} vouches for, or a product, quotient or negation of safe parts. A
     * sum, a difference, a function and any other code may be zero.
     */
    public List<RiskyDivision> riskyDivisions(Predicate<String> nonZero) {
        List<RiskyDivision> out = new ArrayList<>();
        try {
            collect(new Expression(text, CONFIG).getAbstractSyntaxTree(), nonZero, out);
        } catch (ParseException e) {
            throw new IllegalStateException("công thức '" + text + "' sai cú pháp: " + e.getMessage(), e);
        }
        return out;
    }

    private static void collect(ASTNode node, Predicate<String> nonZero, List<RiskyDivision> out) {
        Token t = node.getToken();
        if (t.getType() == Token.TokenType.INFIX_OPERATOR && "/".equals(t.getValue())) {
            ASTNode divisor = node.getParameters().get(1);
            if (!safe(divisor, nonZero)) {
                Set<String> codes = new TreeSet<>();
                codesIn(divisor, codes);
                codes.removeIf(nonZero);
                out.add(new RiskyDivision(t.getStartPosition(), List.copyOf(codes)));
            }
        }
        for (ASTNode p : node.getParameters()) {
            collect(p, nonZero, out);
        }
    }

    private static boolean safe(ASTNode node, Predicate<String> nonZero) {
        Token t = node.getToken();
        return switch (t.getType()) {
            case NUMBER_LITERAL -> new BigDecimal(t.getValue()).signum() != 0;
            case VARIABLE_OR_CONSTANT -> nonZero.test(t.getValue());
            case INFIX_OPERATOR -> ("*".equals(t.getValue()) || "/".equals(t.getValue()))
                    && node.getParameters().stream().allMatch(p -> safe(p, nonZero));
            case PREFIX_OPERATOR -> ("-".equals(t.getValue()) || "+".equals(t.getValue()))
                    && safe(node.getParameters().get(0), nonZero);
            default -> false;
        };
    }

    private static void codesIn(ASTNode node, Set<String> codes) {
        if (node.getToken().getType() == Token.TokenType.VARIABLE_OR_CONSTANT) {
            codes.add(node.getToken().getValue());
        }
        for (ASTNode p : node.getParameters()) {
            codesIn(p, codes);
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
