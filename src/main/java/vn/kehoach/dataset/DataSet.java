package vn.kehoach.dataset;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.period.Period;
import vn.kehoach.period.PeriodType;

/**
 * A form (biểu nhập liệu; DHIS2's data set): the elements that units of the given kinds report for each period of
 * one type, due {@code dueDays} after the period ends (negative: before, as estimates are), approved by the units of
 * kind {@code approverKind} above the reporting one (null: by any unit above it).
 */
public record DataSet(String code, String name, PeriodType periodType, Set<OrgUnitKind> unitKinds, int dueDays,
                      String description, int sortOrder, List<DataSetElement> elements, OrgUnitKind approverKind) {

    /** A form that any unit above the reporting one approves. */
    public DataSet(String code, String name, PeriodType periodType, Set<OrgUnitKind> unitKinds, int dueDays,
                   String description, int sortOrder, List<DataSetElement> elements) {
        this(code, name, periodType, unitKinds, dueDays, description, sortOrder, elements, null);
    }

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,49}");

    public DataSet {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("mã biểu '" + code
                    + "' không hợp lệ: chỉ gồm chữ in hoa không dấu, số và '_', bắt đầu bằng chữ");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("biểu '" + code + "' cần tên");
        }
        if (periodType == null) {
            throw new IllegalArgumentException("biểu '" + code + "' cần loại kỳ báo cáo");
        }
        if (unitKinds == null || unitKinds.isEmpty()) {
            throw new IllegalArgumentException("biểu '" + code + "' cần ít nhất một loại đơn vị báo cáo");
        }
        unitKinds = Set.copyOf(EnumSet.copyOf(unitKinds));
        elements = List.copyOf(elements == null ? List.of() : elements);
        Set<String> seen = new HashSet<>();
        for (DataSetElement e : elements) {
            if (!seen.add(e.elementCode())) {
                throw new IllegalArgumentException("biểu '" + code + "' có chỉ tiêu '" + e.elementCode() + "' hai lần");
            }
        }
    }

    /** Hạn nộp: the day by which the form for this period is due. */
    public LocalDate dueDate(Period period) {
        return period.end().plusDays(dueDays);
    }

    /** True when units of this unit's kind report the form. */
    public boolean reportedBy(OrgUnit unit) {
        return unitKinds.contains(unit.kind());
    }

    public boolean accepts(Period period) {
        return period.type() == periodType;
    }

    /**
     * Refuses a unit that does not report the form or a period of another type, saying which units and which
     * periods it takes.
     */
    public void checkReportable(OrgUnit unit, Period period) {
        if (!reportedBy(unit)) {
            throw new IllegalArgumentException("Biểu '" + name + "' do " + unitKindsLabel().toLowerCase()
                    + " báo cáo, không phải " + unit.name());
        }
        if (!accepts(period)) {
            throw new IllegalArgumentException("Biểu '" + name + "' báo cáo theo kỳ " + periodType.label()
                    + " (ví dụ " + periodType.example() + "), không nhận kỳ " + period.id());
        }
    }

    public Optional<DataSetElement> element(String elementCode) {
        return elements.stream().filter(e -> e.elementCode().equalsIgnoreCase(elementCode)).findFirst();
    }

    /** The codes of the form's elements, in form order. */
    public Set<String> elementCodes() {
        Set<String> codes = new LinkedHashSet<>();
        elements.forEach(e -> codes.add(e.elementCode()));
        return codes;
    }

    /** Who approves: "Tỉnh", or "đơn vị cấp trên" when any unit above the reporting one does. */
    public String approverLabel() {
        return approverKind == null ? "đơn vị cấp trên" : approverKind.label();
    }

    /** "Xã, Thị trấn". */
    public String unitKindsLabel() {
        return unitKinds.stream().sorted().map(OrgUnitKind::label).reduce((a, b) -> a + ", " + b).orElse("");
    }
}
