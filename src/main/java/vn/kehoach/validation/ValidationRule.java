package vn.kehoach.validation;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

import vn.kehoach.catalog.Formula;

/**
 * A validation rule (quy tắc kiểm tra), DHIS2-style: a left side, an operator and a right side, each side an
 * expression over element codes evaluated with EvalEx ({@code SPRING_RICE_REPORTED_YIELD * SPRING_RICE_AREA / 10}).
 * The right side is read at the same unit or at its parent. A rule is skipped where a side lacks a value: a missing
 * figure is the business of the form's required lines, not of every rule that reads it.
 *
 * @param leftLabel  what the left side is, for the report ("Sản lượng lúa xuân")
 * @param rightLabel what the right side is ("Năng suất × diện tích ÷ 10")
 * @param message    what is wrong, in Vietnamese, as a reporter reads it next to the cell
 */
public record ValidationRule(String code, String name, String leftSide, String leftLabel, Operator operator,
                             String rightSide, String rightLabel, RuleSideLevel rightSideAt, BigDecimal tolerancePct,
                             Importance importance, String message, int sortOrder) {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,49}");

    public ValidationRule {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("mã quy tắc '" + code
                    + "' không hợp lệ: chỉ gồm chữ in hoa không dấu, số và '_', bắt đầu bằng chữ");
        }
        if (name == null || name.isBlank() || message == null || message.isBlank()) {
            throw new IllegalArgumentException("quy tắc '" + code + "' cần tên và thông báo lỗi");
        }
        if (operator == null || importance == null) {
            throw new IllegalArgumentException("quy tắc '" + code + "' cần phép so sánh và mức độ");
        }
        rightSideAt = rightSideAt == null ? RuleSideLevel.UNIT : rightSideAt;
        if (operator == Operator.APPROXIMATELY_EQUAL_TO && (tolerancePct == null || tolerancePct.signum() <= 0)) {
            throw new IllegalArgumentException("quy tắc '" + code + "': phép xấp xỉ cần sai số cho phép (%) lớn hơn 0");
        }
        Formula.parse(leftSide);
        Formula.parse(rightSide);
    }

    public Set<String> leftElements() {
        return Formula.parse(leftSide).variables();
    }

    public Set<String> rightElements() {
        return Formula.parse(rightSide).variables();
    }

    /** The elements the rule reads at the unit it checks: the left side, and the right side when read there too. */
    public Set<String> unitElements() {
        Set<String> all = new LinkedHashSet<>(leftElements());
        if (rightSideAt == RuleSideLevel.UNIT) {
            all.addAll(rightElements());
        }
        return all;
    }
}
