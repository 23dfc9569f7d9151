package vn.kehoach.project;

/** The two sides of a budget (ngân sách): revenue and expenditure. */
public enum BudgetSide implements Labels.Labelled {
    /** Thu ngân sách. */
    REVENUE("Thu ngân sách"),
    /** Chi ngân sách. */
    EXPENDITURE("Chi ngân sách");

    private final String label;

    BudgetSide(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public static BudgetSide parse(String text) {
        return Labels.parse(BudgetSide.class, text, "phía ngân sách (thu/chi)");
    }
}
