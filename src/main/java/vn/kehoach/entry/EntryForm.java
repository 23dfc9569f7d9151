package vn.kehoach.entry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import vn.kehoach.approval.Approval;
import vn.kehoach.dataset.DataSet;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.period.Period;
import vn.kehoach.validation.FormCheck;

/**
 * A form of a unit for a period, ready for the entry page: its lines, where its approval stands, whether the
 * current user may edit it (and why not), and its validation.
 *
 * @param readOnlyReason why the grid is read-only, or null when the user may edit it
 * @param earlier        the period the "‹ Kỳ trước" link opens (the unit in force then), or null
 * @param later          the period the "Kỳ sau ›" link opens (not after the current one, the unit in force), or null
 */
public record EntryForm(DataSet form, OrgUnit unit, Period period, Period previousPeriod, Period lastYearPeriod,
                        LocalDate dueDate, Approval approval, String readOnlyReason, boolean canSubmit,
                        boolean canWithdraw, List<EntryRow> rows, FormCheck check, Period earlier, Period later) {

    public EntryForm {
        rows = List.copyOf(rows);
    }

    public boolean editable() {
        return readOnlyReason == null;
    }

    public long filled() {
        return rows.stream().filter(r -> !r.empty()).count();
    }

    /** True when some line has a plan target to show beside it (the column is left out otherwise). */
    public boolean hasTargets() {
        return rows.stream().anyMatch(r -> !r.target().isEmpty());
    }

    /** How full the form is, 0 to 100, for the fill bar. */
    public int filledPercent() {
        return rows.isEmpty() ? 100 : (int) Math.round(100.0 * filled() / rows.size());
    }

    /** The rows grouped under their section headings, in form order. */
    public List<Section> sections() {
        List<Section> out = new ArrayList<>();
        for (EntryRow r : rows) {
            if (out.isEmpty() || !Objects.equals(out.get(out.size() - 1).title(), r.section())) {
                out.add(new Section(r.section(), new ArrayList<>()));
            }
            out.get(out.size() - 1).rows().add(r);
        }
        return out;
    }

    /** A section heading and its rows. */
    public record Section(String title, List<EntryRow> rows) {
    }
}
