package vn.kehoach.evidence;

import java.util.Locale;

/**
 * The thing an attachment belongs to, by its keys: a value (unit, element, period), a submission (form, unit,
 * period), a disbursement (project, disbursement number) or a task (task number). The keys of the other kinds are
 * null.
 */
public record EvidenceTarget(TargetKind kind, String unitCode, String elementCode, String formCode, String period,
                             String projectCode, Long disbursementId, Long taskId) {

    public EvidenceTarget {
        if (kind == null) {
            throw new EvidenceException(vn.kehoach.problem.ProblemType.BAD_INPUT,
                    "Thiếu loại đối tượng của minh chứng (VALUE, SUBMISSION, DISBURSEMENT hoặc TASK)", "kind", null);
        }
        unitCode = upper(unitCode);
        elementCode = upper(elementCode);
        formCode = upper(formCode);
        projectCode = upper(projectCode);
        period = period == null || period.isBlank() ? null : period.strip();
        switch (kind) {
            case VALUE -> {
                require(unitCode, "unit");
                require(elementCode, "element");
                require(period, "period");
            }
            case SUBMISSION -> {
                require(unitCode, "unit");
                require(formCode, "form");
                require(period, "period");
            }
            case DISBURSEMENT -> {
                require(projectCode, "project");
                require(disbursementId, "disbursement");
            }
            case TASK -> require(taskId, "task");
        }
    }

    public static EvidenceTarget value(String unit, String element, String period) {
        return new EvidenceTarget(TargetKind.VALUE, unit, element, null, period, null, null, null);
    }

    public static EvidenceTarget submission(String form, String unit, String period) {
        return new EvidenceTarget(TargetKind.SUBMISSION, unit, null, form, period, null, null, null);
    }

    public static EvidenceTarget disbursement(String project, long disbursementId) {
        return new EvidenceTarget(TargetKind.DISBURSEMENT, null, null, null, null, project, disbursementId, null);
    }

    public static EvidenceTarget task(long taskId) {
        return new EvidenceTarget(TargetKind.TASK, null, null, null, null, null, null, taskId);
    }

    /** The keys as a person reads them: "số liệu RICE_AREA của MINHLONG kỳ 2021S1". */
    public String describe() {
        return switch (kind) {
            case VALUE -> kind.label() + " " + elementCode + " của " + unitCode + " kỳ " + period;
            case SUBMISSION -> kind.label() + " " + formCode + " của " + unitCode + " kỳ " + period;
            case DISBURSEMENT -> kind.label() + " số " + disbursementId + " của dự án " + projectCode;
            case TASK -> kind.label() + " số " + taskId;
        };
    }

    private static String upper(String code) {
        return code == null || code.isBlank() ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    private void require(Object key, String field) {
        if (key == null) {
            throw new EvidenceException(vn.kehoach.problem.ProblemType.BAD_INPUT,
                    "Minh chứng cho " + kind.label() + " cần " + field, field, null);
        }
    }
}
