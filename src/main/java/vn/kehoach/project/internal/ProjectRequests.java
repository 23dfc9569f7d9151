package vn.kehoach.project.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import vn.kehoach.project.Allocation;
import vn.kehoach.project.CapitalSource;
import vn.kehoach.project.DisbursementDraft;
import vn.kehoach.project.ProjectDraft;
import vn.kehoach.project.ProjectKind;
import vn.kehoach.project.ProjectStatus;

/** The bodies of the project API's writes: codes and labels as text, parsed with messages that name the field. */
final class ProjectRequests {

    private ProjectRequests() {
    }

    /** A project to create or update; {@code communes} are org-unit codes, amounts in triệu đồng. */
    record ProjectBody(String code, String name, String kind, String ownerUnit, List<String> communes, String investor,
                       BigDecimal totalInvestment, String status, LocalDate startedOn, LocalDate plannedCompletionOn,
                       LocalDate completedOn, LocalDate handedOverOn, Boolean illustrative, String note,
                       Integer version) {

        ProjectDraft draft(String defaultOwner) {
            return new ProjectDraft(code, name, ProjectKind.parse(kind), ownerUnit == null ? defaultOwner : ownerUnit,
                    communes, investor, totalInvestment, status == null ? ProjectStatus.PREPARATION
                    : ProjectStatus.parse(status), startedOn, plannedCompletionOn, completedOn, handedOverOn,
                    Boolean.TRUE.equals(illustrative), note, version);
        }
    }

    /** Capital for a year and source, in triệu đồng. */
    record AllocationBody(Integer year, String source, BigDecimal amount, String decision) {

        Allocation allocation(String projectCode) {
            if (year == null) {
                throw new IllegalArgumentException("Kế hoạch vốn của dự án " + projectCode + ": thiếu năm (year)");
            }
            return new Allocation(projectCode, year, CapitalSource.parse(source), amount, decision, false);
        }
    }

    /** A disbursement: the plan year and source it draws on, the date paid and the amount in triệu đồng. */
    record DisbursementBody(Integer year, String source, LocalDate paidOn, BigDecimal amount, String note) {

        DisbursementDraft draft(String projectCode) {
            int y = year != null ? year : paidOn != null ? paidOn.getYear() : 0;
            return new DisbursementDraft(projectCode, y, CapitalSource.parse(source), paidOn, amount, note, false);
        }
    }
}
