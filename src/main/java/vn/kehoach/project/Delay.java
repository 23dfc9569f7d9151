package vn.kehoach.project;

/** Why a project is behind schedule (chậm tiến độ). */
public enum Delay implements Labels.Labelled {
    /** Its planned completion date has passed and it is neither completed nor handed over. */
    PAST_PLANNED_COMPLETION("Quá hạn hoàn thành"),
    /** Less of the year's allocation is disbursed than the plan line asks by this date. */
    DISBURSEMENT_BEHIND_PLAN("Giải ngân chậm hơn kế hoạch");

    private final String label;

    Delay(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
