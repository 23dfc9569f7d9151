package vn.kehoach.project;

/**
 * A budget line (dòng ngân sách): a catalog figure placed in the revenue or expenditure tree. A child is a "trong
 * đó" line: part of its parent, not necessarily adding up to it with its siblings.
 *
 * @param label how the budget table names the line; the figure's own name when null
 */
public record BudgetLine(String figureCode, BudgetSide side, String parentCode, String label, int sortOrder) {

    public BudgetLine {
        if (figureCode == null || figureCode.isBlank()) {
            throw new IllegalArgumentException("dòng ngân sách thiếu mã chỉ tiêu");
        }
        if (side == null) {
            throw new IllegalArgumentException("dòng ngân sách '" + figureCode + "' thiếu phía (thu/chi)");
        }
        figureCode = figureCode.strip().toUpperCase();
        parentCode = parentCode == null || parentCode.isBlank() ? null : parentCode.strip().toUpperCase();
        label = label == null || label.isBlank() ? null : label.strip();
        if (figureCode.equals(parentCode)) {
            throw new IllegalArgumentException("dòng ngân sách '" + figureCode + "' không thể là con của chính nó");
        }
    }
}
