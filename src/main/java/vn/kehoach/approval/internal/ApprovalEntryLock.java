package vn.kehoach.approval.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.kehoach.approval.Approval;
import vn.kehoach.approval.ApprovalState;
import vn.kehoach.approval.ApprovalWorkflow;
import vn.kehoach.dataset.DataSet;
import vn.kehoach.dataset.DataSets;
import vn.kehoach.datavalue.spi.EntryLock;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.period.Period;

/**
 * Locks the values of a submitted or approved form: a value is locked when a form holding its element is
 * submitted or approved for the value's unit and period. The message says who decided, when, and what to do.
 */
@Component
class ApprovalEntryLock implements EntryLock {

    private final ApprovalWorkflow workflow;
    private final DataSets dataSets;

    ApprovalEntryLock(ApprovalWorkflow workflow, DataSets dataSets) {
        this.workflow = workflow;
        this.dataSets = dataSets;
    }

    @Override
    public Optional<String> lockedBecause(String elementCode, OrgUnit unit, Period period) {
        // One query in the usual case, where the unit has no submitted form for the period.
        for (Approval a : workflow.locking(unit, period)) {
            Optional<DataSet> form = dataSets.find(a.dataSetCode());
            if (form.isPresent() && form.get().element(elementCode).isPresent()) {
                return Optional.of(message(form.get(), unit, period, a));
            }
        }
        return Optional.empty();
    }

    private static String message(DataSet form, OrgUnit unit, Period period, Approval a) {
        String what = "Biểu '" + form.name() + "' của " + unit.name() + " kỳ " + period.label();
        if (a.state() == ApprovalState.APPROVED) {
            return what + " đã được " + a.decidedBy() + " duyệt lúc " + Numbers.vi().dateTime(a.decidedAt())
                    + "; số liệu đã khóa, không sửa được. Muốn sửa, đề nghị cán bộ kế hoạch cấp trên mở lại biểu.";
        }
        return what + " đã được " + a.submittedBy() + " gửi duyệt lúc " + Numbers.vi().dateTime(a.submittedAt())
                + "; số liệu đang chờ duyệt nên không sửa được. Muốn sửa, hãy rút lại bản gửi hoặc đề nghị cấp trên trả lại.";
    }
}
