package vn.kehoach.approval;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import vn.kehoach.dataset.DataSet;
import vn.kehoach.format.Csv;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.period.Period;

/**
 * Completeness (tình hình nộp báo cáo) of a form for a period: each unit that reports it, where it stands, how many
 * of its lines hold a value, and whether it was submitted by the due date.
 */
public record Completeness(DataSet form, Period period, LocalDate dueDate, List<Line> lines) {

    /** One unit of the completeness table. */
    public record Line(OrgUnit unit, Approval approval, int entered, int expected, boolean onTime) {

        /** Submitted or approved, but not on time (a draft or a returned form is neither on time nor late). */
        public boolean late() {
            return !onTime && (approval.state() == ApprovalState.SUBMITTED || approval.state() == ApprovalState.APPROVED);
        }

        /** "đúng hạn", "muộn" or empty, as the approvals page prints {@link #onTime()} and {@link #late()}. */
        public String timeliness() {
            return onTime ? "đúng hạn" : late() ? "muộn" : "";
        }
    }

    /**
     * The columns of {@link #csv()}: the completeness table of the approvals page, one fact a column ("Đã nhập 12/12"
     * is two numbers, because Excel would read "12/12" as a date).
     */
    public static final List<String> CSV_COLUMNS = List.of("Mã đơn vị", "Tên đơn vị", "Mã biểu", "Biểu", "Kỳ",
            "Hạn nộp", "Trạng thái", "Số dòng đã nhập", "Số dòng của biểu", "Gửi lúc", "Người gửi", "Đúng hạn",
            "Người quyết định", "Quyết định lúc", "Lý do");

    public Completeness {
        lines = List.copyOf(lines);
    }

    public long submitted() {
        return lines.stream().filter(l -> l.approval().state() == ApprovalState.SUBMITTED
                || l.approval().state() == ApprovalState.APPROVED).count();
    }

    public long submittedOnTime() {
        return lines.stream().filter(Line::onTime).count();
    }

    public long approved() {
        return lines.stream().filter(l -> l.approval().state() == ApprovalState.APPROVED).count();
    }

    public long returned() {
        return lines.stream().filter(l -> l.approval().state() == ApprovalState.RETURNED).count();
    }

    /**
     * The table as CSV ({@link #CSV_COLUMNS}), in Vietnamese as the approvals page shows it: the state's label, dates
     * and times as dd/MM/yyyy HH:mm in Vietnam's time.
     */
    public String csv() {
        List<List<Object>> rows = new ArrayList<>();
        Numbers vi = Numbers.vi();
        for (Line l : lines) {
            Approval a = l.approval();
            rows.add(Arrays.asList(l.unit().code(), l.unit().name(), form.code(), form.name(),
                    period.label(), vi.date(dueDate), a.state().label(), l.entered(), l.expected(),
                    vi.dateTime(a.submittedAt()), a.submittedBy(), l.timeliness(), a.decidedBy(),
                    vi.dateTime(a.decidedAt()), a.reason()));
        }
        return Csv.write(CSV_COLUMNS, rows);
    }
}
