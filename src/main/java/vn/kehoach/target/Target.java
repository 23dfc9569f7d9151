package vn.kehoach.target;

import java.math.BigDecimal;

import vn.kehoach.period.Period;

/**
 * A plan target. {@code valueHigh} is the upper end of a {@link Direction#RANGE}; {@code wording} is how the
 * plan states it ("Giảm tỷ lệ hộ nghèo (theo tiêu chí mới) đạt 23,77%"); {@code decision} the act that set
 * it ("Nghị quyết số 31/2020/NQ-HĐND ngày 18/12/2020").
 */
public record Target(String figureCode, String orgUnitCode, Period period, Issuer issuer, Direction direction,
                     Basis basis, BigDecimal value, BigDecimal valueHigh, TargetStatus status, String decision,
                     String wording, String note, boolean illustrative) {

    public Target {
        if (figureCode == null || figureCode.isBlank()) {
            throw new IllegalArgumentException("chỉ tiêu kế hoạch thiếu mã chỉ tiêu");
        }
        if (orgUnitCode == null || orgUnitCode.isBlank()) {
            throw new IllegalArgumentException("chỉ tiêu kế hoạch '" + figureCode + "' thiếu đơn vị");
        }
        if (period == null) {
            throw new IllegalArgumentException("chỉ tiêu kế hoạch '" + figureCode + "' phải có năm (kỳ)");
        }
        if (issuer == null) {
            throw new IllegalArgumentException("chỉ tiêu kế hoạch '" + figureCode + "' thiếu cấp giao");
        }
        if (value == null) {
            throw new IllegalArgumentException("chỉ tiêu kế hoạch '" + figureCode + "' thiếu giá trị");
        }
        direction = direction == null ? Direction.AT_LEAST : direction;
        basis = basis == null ? Basis.LEVEL : basis;
        status = status == null ? TargetStatus.ADOPTED : status;
        if (direction == Direction.RANGE) {
            if (valueHigh == null || valueHigh.compareTo(value) < 0) {
                throw new IllegalArgumentException("chỉ tiêu kế hoạch '" + figureCode
                        + "' dạng khoảng cần giá trị trên không nhỏ hơn giá trị dưới");
            }
        } else if (valueHigh != null) {
            throw new IllegalArgumentException("chỉ tiêu kế hoạch '" + figureCode
                    + "': giá trị trên chỉ dùng cho dạng khoảng (RANGE)");
        }
    }
}
