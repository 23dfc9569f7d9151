package vn.kehoach.entry;

import java.math.BigDecimal;
import java.time.LocalDate;
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
import vn.kehoach.datavalue.AuditEntry;
import vn.kehoach.datavalue.ConflictException;
import vn.kehoach.datavalue.DataValue;
import vn.kehoach.datavalue.DataValueWrite;
import vn.kehoach.datavalue.DataValues;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.orgunit.Reorganisation;
import vn.kehoach.orgunit.Reorganisations;
import vn.kehoach.period.Period;
import vn.kehoach.period.PeriodType;
import vn.kehoach.security.Actor;
import vn.kehoach.security.Actors;
import vn.kehoach.security.Role;
import vn.kehoach.target.Basis;
import vn.kehoach.target.Target;
import vn.kehoach.target.Targets;
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
    private final Reorganisations reorganisations;
    private final Targets targets;

    public DataEntry(DataSets dataSets, DataValues dataValues, Catalog catalog, OrgUnits orgUnits, Actors actors,
                     ValidationRules validation, ApprovalWorkflow workflow, Reorganisations reorganisations,
                     Targets targets) {
        this.reorganisations = reorganisations;
        this.targets = targets;
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
        checkInForce(unit, period);
        return build(form, unit, period);
    }

    /**
     * Refuses a period outside the unit's life — after a reorganisation ended it, before it was created — naming the
     * last day it existed and the unit that took it over, so that nobody types figures a save would then refuse.
     */
    public void checkInForce(OrgUnit unit, Period period) {
        if (unit.inForceDuring(period.start(), period.end())) {
            return;
        }
        if (unit.validTo() != null && period.start().isAfter(unit.validTo())) {
            String successors = successorsOf(unit);
            throw new UnitNotInForceException(unit.name() + " chỉ tồn tại đến hết ngày "
                    + Numbers.vi().date(unit.validTo()) + (successors.isEmpty() ? ""
                    : " (sắp xếp vào " + successors + ")") + "; không có biểu " + period.label() + " (" + period.id()
                    + ") của đơn vị này." + (successors.isEmpty() ? ""
                    : " Số liệu từ ngày " + Numbers.vi().date(unit.validTo().plusDays(1)) + " nhập cho " + successors + "."));
        }
        throw new UnitNotInForceException(unit.name() + " có hiệu lực từ ngày " + Numbers.vi().date(unit.validFrom())
                + "; không có biểu " + period.label() + " (" + period.id() + ") của đơn vị này.");
    }

    /** "Xã Lý Quốc": the units the reorganisation that ended this one made of it, by name. */
    private String successorsOf(OrgUnit unit) {
        List<String> names = new ArrayList<>();
        for (Reorganisation r : reorganisations.touching(unit)) {
            r.lineage().stream().filter(l -> l.predecessor().equals(unit.code()) && !l.successor().equals(unit.code()))
                    .map(l -> orgUnits.find(l.successor()).map(OrgUnit::name).orElse(l.successor()))
                    .filter(n -> !names.contains(n)).forEach(names::add);
        }
        return String.join(", ", names);
    }

    /**
     * The history of one cell (who changed it, when, old → new, the comment), newest first, for whoever may open the
     * form: the same checks as {@link #open}.
     */
    public CellHistory history(String formCode, String unitCode, Period period, String elementCode) {
        DataSet form = dataSets.require(formCode);
        OrgUnit unit = orgUnits.require(unitCode);
        actors.checkCanSee(unit);
        form.checkReportable(unit, period);
        DataSetElement line = form.element(elementCode).orElseThrow(() -> new IllegalArgumentException(
                "chỉ tiêu '" + elementCode + "' không thuộc biểu '" + form.name() + "'"));
        DataElement element = catalog.element(line.elementCode());
        String measure = catalog.findUnit(element.unitCode()).map(MeasureUnit::symbol).orElse("");
        List<CellHistory.Change> changes = new ArrayList<>();
        for (AuditEntry a : dataValues.history(element.code(), unit.code(), period, 200)) {
            if (a.kind() != line.kind()) {
                continue;
            }
            changes.add(new CellHistory.Change(Numbers.vi().dateTime(a.changedAt()), a.changedBy(), a.source().label(),
                    switch (a.action()) {
                        case "CREATE" -> "nhập mới";
                        case "DELETE" -> "xóa";
                        default -> "sửa";
                    }, a.oldValue() == null ? "" : display(element, a.oldValue()),
                    a.newValue() == null ? "" : display(element, a.newValue()), a.oldComment(), a.newComment()));
        }
        return new CellHistory(element.code(), element.name(), measure, changes);
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
        checkInForce(unit, period);
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
            List<OrgUnit> reporting = scope.stream().filter(form::reportedBy).toList();
            if (reporting.isEmpty()) {
                continue;
            }
            OrgUnit root = orgUnits.ancestry(reporting.get(0)).stream().filter(a::covers).findFirst()
                    .orElse(reporting.get(0));
            List<Period> offered = workflow.periods(form, root);
            // Only units in force in some period offered, and only periods in which some of them is in force: a
            // commune ended by a reorganisation gets no form for the periods after its end.
            List<OrgUnit> units = reporting.stream().filter(u -> offered.stream()
                    .anyMatch(p -> u.inForceDuring(p.start(), p.end()))).toList();
            List<Period> periods = offered.stream().filter(p -> units.stream()
                    .anyMatch(u -> u.inForceDuring(p.start(), p.end()))).toList();
            if (!units.isEmpty() && !periods.isEmpty()) {
                out.add(new FormUnits(form, units, periods));
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

        /** The periods in which the unit is in force, as the period list of the unit offers them. */
        public List<Period> periodsOf(OrgUnit unit) {
            return periods.stream().filter(p -> unit.inForceDuring(p.start(), p.end())).toList();
        }

        /** The ids of the unit's periods, space-separated, for the page's script that greys out the others. */
        public String periodIdsOf(OrgUnit unit) {
            return String.join(" ", periodsOf(unit).stream().map(Period::id).toList());
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
        Map<String, String> planned = planned(unit, period, elements);
        List<EntryRow> rows = new ArrayList<>();
        for (DataSetElement line : form.elements()) {
            DataElement e = elements.get(line.elementCode());
            MeasureUnit m = measures.get(e.unitCode());
            DataValue v = now.getOrDefault(e.code(), Map.of()).get(line.kind());
            rows.add(new EntryRow(line.section(), e.code(), e.name(), m == null ? "" : m.symbol(), line.kind(),
                    line.required(), e.valueType() == ValueType.BOOLEAN, v == null ? "" : display(e, v.value()),
                    v == null || v.comment() == null ? "" : v.comment(), v == null ? 0 : v.version(),
                    beside(e, before.get(e.code()), line.kind()), beside(e, yearAgo.get(e.code()), line.kind()),
                    check.about(e.code()), planned.getOrDefault(e.code(), "")));
        }
        Approval approval = workflow.state(form, unit, period);
        return new EntryForm(form, unit, period, previous, lastYear, form.dueDate(period), approval,
                readOnlyReason(form, unit, period, approval), approval.state().open() && workflow.canSubmit(unit),
                // The unit above returns a submission rather than withdrawing it.
                approval.state() == ApprovalState.SUBMITTED && workflow.canSubmit(unit) && !workflow.canDecide(form, unit),
                rows, check, neighbour(unit, previous), period.compareTo(current(period)) < 0
                        ? neighbour(unit, next(period)) : null);
    }

    /** The period of the same type as {@code period} that holds today (Viet Nam time); the period itself if none. */
    private static Period current(Period period) {
        try {
            return Period.containing(period.type(), LocalDate.now(Numbers.VIETNAM));
        } catch (IllegalArgumentException e) {
            return period;
        }
    }

    /** Kỳ sau: the period after this one, of the same type (the inverse of {@link Period#previous()}). */
    static Period next(Period period) {
        int last = switch (period.type()) {
            case SIX_MONTHLY -> 2;
            case QUARTERLY, SEASON -> 4;
            case MONTHLY -> 12;
            default -> 0;
        };
        if (last == 0) {
            return new Period(period.type(), period.year() + (period.type() == PeriodType.FIVE_YEARLY ? 5 : 1),
                    period.index());
        }
        return period.index() == last ? new Period(period.type(), period.year() + 1, 1)
                : new Period(period.type(), period.year(), period.index() + 1);
    }

    /** The period for a "previous/next" link, or null when the unit is not in force then. */
    private static Period neighbour(OrgUnit unit, Period period) {
        return period != null && unit.inForceDuring(period.start(), period.end()) ? period : null;
    }

    /**
     * The plan target beside each element: "KH 2021: ≥ 7.380" (the most specific period, the first issuer), for the
     * elements a target names directly at this unit.
     */
    private Map<String, String> planned(OrgUnit unit, Period period, Map<String, DataElement> elements) {
        Map<String, String> out = new HashMap<>();
        for (Target t : targets.applicable(unit, period)) {
            DataElement e = elements.get(t.figureCode());
            if (e == null || t.basis() != Basis.LEVEL || out.containsKey(t.figureCode())) {
                continue;
            }
            out.put(t.figureCode(), t.period().id() + ": " + display(e, t.value())
                    + (t.valueHigh() == null ? "" : "–" + display(e, t.valueHigh())));
        }
        return out;
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
