/**
 * Approval (phê duyệt) of a form for a unit and period: draft → submitted → approved and locked, or returned with a
 * reason; the unit above approves (the district its communes, the province its district), and only a planner
 * reopens an approved form. Submission runs validation first. A submitted or approved form locks its values through
 * data values' {@code EntryLock}; every step is kept in the audit trail. Also the completeness of each form: which
 * units submitted it by its due date.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"datavalue", "datavalue :: spi", "dataset",
        "validation", "catalog", "orgunit", "period", "format", "security", "audit", "problem"})
package vn.kehoach.approval;
