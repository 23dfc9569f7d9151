package vn.kehoach.entry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import vn.kehoach.approval.Approval;
import vn.kehoach.approval.ApprovalState;
import vn.kehoach.approval.ApprovalWorkflow;
import vn.kehoach.audit.Source;
import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.DataElement;
import vn.kehoach.catalog.MeasureUnit;
import vn.kehoach.catalog.ValueType;
import vn.kehoach.dataset.DataSet;
import vn.kehoach.dataset.DataSetElement;
import vn.kehoach.dataset.DataSets;
import vn.kehoach.datavalue.ConflictException;
import vn.kehoach.datavalue.DataValue;
import vn.kehoach.datavalue.DataValueWrite;
import vn.kehoach.datavalue.DataValues;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.security.Actor;
import vn.kehoach.security.Actors;
import vn.kehoach.security.Role;
import vn.kehoach.validation.FormCheck;
import vn.kehoach.validation.ValidationRules;

/**
 * Data entry through a form (nhập liệu theo biểu): opens the grid of a form for a unit and period, and saves one
 * cell at a time as a person types it — a Vietnamese number ("1.492,9"), a comment, or nothing to remove the value —
 * with the version the page showed, so that two people saving one cell get a conflict instead of an overwrite.
 */
@Service
public class DataEntry {

    /** The most a comment may hold, as the value table stores it. */
    public static final int MAX_COMMENT = 2000;

    private final DataSets dataSets;
    private final DataValues dataValues;
    private final Catalog catalog;
    private final OrgUnits orgUnits;
    private final Actors actors;
    private final ValidationRules validation;
    private final ApprovalWorkflow workflow;

    public DataEntry(DataSets dataSets, DataValues dataValues, Catalog catalog, OrgUnits orgUnits, Actors actors,
                     ValidationRules validation, ApprovalWorkflow workflow) {
        this.dataSets = dataSets;
        this.dataValues = dataValues;
        this.catalog = catalog;
        this.orgUnits = orgUnits;
        this.actors = actors;
        this.validation = validation;
        this.workflow = workflow;
    }

    /** The form of the unit for the period, as the current user may see it. */
    public EntryForm open(String formCode, String unitCode, Period period) {
        DataSet form = dataSets.require(formCode);
        OrgUnit unit = orgUnits.require(unitCode);
        actors.checkCanSee(unit);
        form.checkReportable(unit, period);
        return build(form, unit, period);
    }

    /**
     * Saves one cell. {@code text} is the value as typed (Vietnamese form; empty removes the value), {@code version}
     * the one the page showed (0 for an empty cell). Errors a person can correct — not a number, a conflict, a
     * locked form — come back in the result, next to the cell; nothing is stored then.
     */
    public CellSave save(String formCode, String unitCode, Period period, String elementCode, String text,
                         String comment, int version, Source source) {
        DataSet form = dataSets.require(formCode);
        OrgUnit unit = orgUnits.require(unitCode);
        form.checkReportable(unit, period);
        DataSetElement line = form.element(elementCode).orElseThrow(() -> new IllegalArgumentException(
                "chỉ tiêu '" + elementCode + "' không thuộc biểu '" + form.name() + "'"));
        DataElement element = catalog.element(line.elementCode());
        String typed = text == null ? "" : text.strip();
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        String error = null;
        try {
            if (note != null && note.length() > MAX_COMMENT) {
                error = "Ghi chú dài " + note.length() + " ký tự, tối đa " + MAX_COMMENT;
            } else if (typed.isEmpty()) {
                if (note != null) {
                    error = "Chưa có số liệu: nhập số trước khi ghi chú";
                } else {
                    dataValues.delete(element.code(), unit.code(), period, line.kind(), version,
                            actors.current().username(), source);
                }
            } else {
                BigDecimal value = parse(element, typed);
                if (value == null) {
                    error = notANumber(element, typed);
                } else if (Numbers.unstorable(value) != null) {
                    error = "'" + typed + "': " + Numbers.unstorable(value);
                } else {
                    Optional<DataValue> stored = dataValues.find(element.code(), unit.code(), period, line.kind());
                    // A demo figure stays marked illustrative only while nobody changes the number itself.
                    boolean illustrative = stored.isPresent() && stored.get().illustrative()
                            && stored.get().value().compareTo(value) == 0;
                    dataValues.save(new DataValueWrite(element.code(), unit.code(), period, line.kind(), value, note,
                            illustrative, version), actors.current().username(), source);
                }
            }
        } catch (ConflictException | IllegalArgumentException e) {
            // Conflicts, locked forms and values of the wrong type (12,5 con) are the typist's to correct.
            error = e.getMessage();
        }
        return new CellSave(element.code(), error, build(form, unit, period));
    }

    /** The forms the current user may open, each with the units of their scope that report it. */
    public List<FormUnits> forms() {
        Actor a = actors.current();
        List<OrgUnit> scope = a.orgUnitCode() == null ? (a == Actor.SYSTEM ? orgUnits.all() : List.of())
                : orgUnits.subtree(orgUnits.require(a.orgUnitCode()));
        List<FormUnits> out = new ArrayList<>();
        for (DataSet form : dataSets.all()) {
            List<OrgUnit> units = scope.stream().filter(form::reportedBy).toList();
            if (!units.isEmpty()) {
                OrgUnit root = orgUnits.ancestry(units.get(0)).stream().filter(a::covers).findFirst().orElse(units.get(0));
                out.add(new FormUnits(form, units, workflow.periods(form, root)));
            }
        }
        return out;
    }

    /** A form with the units of the user's scope that report it and the periods worth offering, latest first. */
    public record FormUnits(DataSet form, List<OrgUnit> units, List<Period> periods) {

        /** The period to open first: the latest one holding values, or the current one. */
        public Period defaultPeriod() {
            return periods.get(0);
        }
    }

    private EntryForm build(DataSet form, OrgUnit unit, Period period) {
        Map<String, MeasureUnit> measures = catalog.units().stream()
                .collect(Collectors.toMap(MeasureUnit::code, Function.identity()));
        Map<String, DataElement> elements = catalog.elements().stream()
                .collect(Collectors.toMap(DataElement::code, Function.identity()));
        Period previous = period.previous();
        Period lastYear = period.previousYear();
        Map<String, Map<ValueKind, DataValue>> now = byElement(dataValues.list(unit, false, period, null));
        Map<String, Map<ValueKind, DataValue>> before = byElement(dataValues.list(unit, false, previous, null));
        Map<String, Map<ValueKind, DataValue>> yearAgo = byElement(dataValues.list(unit, false, lastYear, null));
        FormCheck check = validation.checkForm(form, unit, period);
        List<EntryRow> rows = new ArrayList<>();
        for (DataSetElement line : form.elements()) {
            DataElement e = elements.get(line.elementCode());
            MeasureUnit m = measures.get(e.unitCode());
            DataValue v = now.getOrDefault(e.code(), Map.of()).get(line.kind());
            rows.add(new EntryRow(line.section(), e.code(), e.name(), m == null ? "" : m.symbol(), line.kind(),
                    line.required(), e.valueType() == ValueType.BOOLEAN, v == null ? "" : display(e, v.value()),
                    v == null || v.comment() == null ? "" : v.comment(), v == null ? 0 : v.version(),
                    beside(e, before.get(e.code()), line.kind()), beside(e, yearAgo.get(e.code()), line.kind()),
                    check.about(e.code())));
        }
        Approval approval = workflow.state(form, unit, period);
        return new EntryForm(form, unit, period, previous, lastYear, form.dueDate(period), approval,
                readOnlyReason(form, unit, period, approval), approval.state().open() && workflow.canSubmit(unit),
                // The unit above returns a submission rather than withdrawing it.
                approval.state() == ApprovalState.SUBMITTED && workflow.canSubmit(unit) && !workflow.canDecide(form, unit),
                rows, check);
    }

    private String readOnlyReason(DataSet form, OrgUnit unit, Period period, Approval approval) {
        Actor a = actors.current();
        if (!a.hasAny(Role.REPORTER, Role.PLANNER, Role.ADMIN) || !a.covers(unit)) {
            return "Tài khoản " + a.username() + " chỉ được xem biểu này, không được nhập số liệu của " + unit.name();
        }
        return switch (approval.state()) {
            case SUBMITTED -> "Biểu đã được " + approval.submittedBy() + " gửi duyệt lúc "
                    + Numbers.vi().dateTime(approval.submittedAt()) + "; số liệu đang chờ duyệt nên không sửa được. "
                    + (workflow.canDecide(form, unit) ? "Duyệt hoặc trả lại (kèm lý do) bằng các nút dưới đây."
                    : "Muốn sửa, hãy rút lại bản gửi.");
            case APPROVED -> "Biểu đã được " + approval.decidedBy() + " duyệt lúc "
                    + Numbers.vi().dateTime(approval.decidedAt())
                    + "; số liệu đã khóa. Muốn sửa, đề nghị cán bộ kế hoạch cấp trên mở lại biểu.";
            case DRAFT, RETURNED -> null;
        };
    }

    /** The value beside a cell: of the same kind when there is one, else the final (actual) figure, else any. */
    private static String beside(DataElement e, Map<ValueKind, DataValue> values, ValueKind kind) {
        if (values == null || values.isEmpty()) {
            return "";
        }
        DataValue v = values.getOrDefault(kind, values.getOrDefault(ValueKind.ACTUAL, values.values().iterator().next()));
        return display(e, v.value()) + (v.kind() == ValueKind.ESTIMATE && kind != ValueKind.ESTIMATE ? " (ước)" : "");
    }

    private static Map<String, Map<ValueKind, DataValue>> byElement(List<DataValue> values) {
        Map<String, Map<ValueKind, DataValue>> out = new HashMap<>();
        values.forEach(v -> out.computeIfAbsent(v.elementCode(), k -> new EnumMap<>(ValueKind.class)).put(v.kind(), v));
        return out;
    }

    /** A value as the grid shows it: "1.492,9"; "có" or "không" for a yes/no element. */
    static String display(DataElement e, BigDecimal value) {
        if (e.valueType() == ValueType.BOOLEAN) {
            return value.signum() == 0 ? "không" : "có";
        }
        return Numbers.vi().format(value);
    }

    /** Reads what was typed: a Vietnamese number, or for a yes/no element "có"/"không" (or 1/0). Null if neither. */
    static BigDecimal parse(DataElement e, String typed) {
        if (e.valueType() == ValueType.BOOLEAN) {
            String t = typed.strip().toLowerCase(Locale.ROOT);
            if (List.of("có", "co", "x", "1").contains(t)) {
                return BigDecimal.ONE;
            }
            if (List.of("không", "khong", "0").contains(t)) {
                return BigDecimal.ZERO;
            }
            return null;
        }
        return Numbers.vi().parse(typed);
    }

    private static String notANumber(DataElement e, String typed) {
        if (e.valueType() == ValueType.BOOLEAN) {
            return "'" + typed + "' không phải là có/không; nhập 'có' hoặc 'không'";
        }
        return "'" + typed + "' không phải là số; nhập số kiểu Việt Nam, ví dụ 1.492,9";
    }
}
