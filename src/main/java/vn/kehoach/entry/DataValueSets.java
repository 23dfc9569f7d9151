package vn.kehoach.entry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.kehoach.audit.Source;
import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.DataElement;
import vn.kehoach.catalog.ValueType;
import vn.kehoach.dataset.DataSet;
import vn.kehoach.dataset.DataSetElement;
import vn.kehoach.dataset.DataSets;
import vn.kehoach.datavalue.ConflictException;
import vn.kehoach.datavalue.DataValue;
import vn.kehoach.datavalue.DataValueWrite;
import vn.kehoach.datavalue.DataValues;
import vn.kehoach.datavalue.EntryLockedException;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.datavalue.VintageDate;
import vn.kehoach.entry.ImportSummary.Conflict;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.InvalidPeriodException;
import vn.kehoach.period.Period;
import vn.kehoach.security.Actor;
import vn.kehoach.security.Actors;
import vn.kehoach.security.OutOfScopeException;
import vn.kehoach.security.Role;
import vn.kehoach.security.Scopes;

/**
 * Data value sets, DHIS2-compatible (bộ số liệu): imports the values other systems send, each checked on its own —
 * an unknown element, a period of the wrong type, text in a number field is reported for that value while the
 * valid ones are stored, unless the caller asks {@code atomicMode=ALL} (then one refusal stores none) — and exports
 * the values of a form, unit and period. A value for a unit outside the caller's scope refuses the whole request.
 */
@Service
public class DataValueSets {

    private static final Logger log = LoggerFactory.getLogger(DataValueSets.class);
    /** How many times a set stored whole is tried again after another writer's concurrent change undid it. */
    private static final int ATTEMPTS = 4;

    /** DHIS2's atomic modes: NONE stores every valid value, ALL stores nothing when any value is refused. */
    public enum AtomicMode {
        NONE, ALL
    }

    private final DataValues dataValues;
    private final DataSets dataSets;
    private final Catalog catalog;
    private final OrgUnits orgUnits;
    private final Actors actors;
    private final Scopes scopes;
    private final TransactionTemplate transactions;

    public DataValueSets(DataValues dataValues, DataSets dataSets, Catalog catalog, OrgUnits orgUnits, Actors actors,
                         Scopes scopes, PlatformTransactionManager transactionManager) {
        this.dataValues = dataValues;
        this.dataSets = dataSets;
        this.catalog = catalog;
        this.orgUnits = orgUnits;
        this.actors = actors;
        this.scopes = scopes;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** A value ready to store, or removed when {@code value} is null. */
    private record Planned(int index, DataElement element, OrgUnit unit, Period period, ValueKind kind,
                           BigDecimal value, String comment, java.time.Instant reportedAt) {
    }

    /** Imports the set; see the class comment for what is refused and how. */
    public ImportSummary importSet(DataValueSet set, AtomicMode atomicMode, boolean dryRun, Source source) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("idScheme", "CODE");
        options.put("atomicMode", atomicMode.name());
        options.put("dryRun", dryRun);
        List<Conflict> conflicts = new ArrayList<>();
        DataSet form = null;
        if (set.dataSet() != null && !set.dataSet().isBlank()) {
            form = dataSets.find(set.dataSet()).orElse(null);
            if (form == null) {
                conflicts.add(new Conflict(set.dataSet(), Map.of("dataSet", set.dataSet()),
                        "Không có biểu mã '" + set.dataSet() + "'", "E7600", "dataSet", List.of()));
                return summary(options, ImportSummary.Status.ERROR, 0, 0, set.dataValues().size(), 0, conflicts,
                        "Không nhập gì: biểu không có");
            }
        }
        java.time.Instant reportedAt;
        try {
            reportedAt = VintageDate.parse(set.reportedOn());
        } catch (IllegalArgumentException e) {
            conflicts.add(new Conflict(set.reportedOn(), Map.of("reportedOn", set.reportedOn()), "reportedOn: "
                    + e.getMessage(), "E7600", "reportedOn", List.of()));
            return summary(options, ImportSummary.Status.ERROR, 0, 0, set.dataValues().size(), 0, conflicts,
                    "Không nhập gì: ngày báo cáo không đọc được");
        }
        List<Planned> planned = new ArrayList<>();
        Set<String> outOfScope = new LinkedHashSet<>();
        Actor actor = actors.current();
        for (int i = 0; i < set.dataValues().size(); i++) {
            plan(i, set, form, actor, conflicts, outOfScope, reportedAt).ifPresent(planned::add);
        }
        if (!outOfScope.isEmpty()) {
            // Writing for someone else's unit is not a data error but a refusal of the request: nothing is stored.
            throw new OutOfScopeException("Tài khoản " + actor.username() + " chỉ được nhập số liệu của "
                    + actor.orgUnitName() + " và các đơn vị trực thuộc, không được nhập cho " + String.join(", ", outOfScope)
                    + "; không lưu số liệu nào");
        }
        int total = set.dataValues().size();
        if (atomicMode == AtomicMode.ALL && !conflicts.isEmpty()) {
            return summary(options, ImportSummary.Status.ERROR, 0, 0, total, 0, conflicts,
                    "Không nhập gì (atomicMode=ALL): " + conflicts.size() + " số liệu bị từ chối");
        }
        // One order for every writer (the cell's key), so two sets of overlapping cells wait instead of deadlocking.
        planned.sort(Comparator.comparing((Planned p) -> p.unit().code()).thenComparing(p -> p.element().code())
                .thenComparing(p -> p.period().id()).thenComparing(Planned::kind));
        int[] counts = new int[4];
        String stopped = null;
        if (atomicMode == AtomicMode.NONE && !dryRun) {
            // Each value in its own transaction, so a refused one (a locked form) leaves the others stored.
            for (int n = 0; n < planned.size(); n++) {
                Planned p = planned.get(n);
                try {
                    storeRetrying(p, actor, source, counts, conflicts);
                } catch (RuntimeException e) {
                    if (ConflictException.concurrent(e)) {
                        conflicts.add(conflict(p.index(), "value", p.element().code(), "E7643", "Xung đột với một lần "
                                + "ghi khác khi lưu " + cell(p) + "; số liệu này chưa được lưu, hãy gửi lại"));
                        continue;
                    }
                    // What was stored stays stored: the summary says how far the set got, and what was not tried.
                    String incident = incident(e);
                    int left = planned.size() - n - 1;
                    conflicts.add(conflict(p.index(), "value", p.element().code(), "E7699", "Lỗi hệ thống khi lưu "
                            + cell(p) + " (mã lỗi " + incident + "); số liệu này" + (left > 0 ? " và " + left
                            + " số liệu sau nó" : "") + " chưa được lưu, hãy gửi lại"));
                    stopped = "Dừng giữa chừng do lỗi hệ thống (mã lỗi " + incident + "): đã lưu " + (counts[0]
                            + counts[1] + counts[3]) + " số liệu, " + (left + 1) + " số liệu chưa được lưu";
                    break;
                }
            }
        } else {
            int conflictsBefore = conflicts.size();
            for (int attempt = 1; ; attempt++) {
                java.util.Arrays.fill(counts, 0);
                conflicts.subList(conflictsBefore, conflicts.size()).clear();
                try {
                    transactions.executeWithoutResult(status -> {
                        for (Planned p : planned) {
                            store(p, actor, source, counts, conflicts);
                            if (atomicMode == AtomicMode.ALL && conflicts.size() > conflictsBefore) {
                                break;
                            }
                        }
                        if (dryRun || conflicts.size() > conflictsBefore) {
                            status.setRollbackOnly();
                        }
                    });
                    break;
                } catch (RuntimeException e) {
                    boolean again = ConflictException.concurrent(e) && attempt < ATTEMPTS;
                    if (again) {
                        log.info("Bộ số liệu: lần {} gặp ghi đồng thời ({}), chạy lại", attempt, e.getClass().getSimpleName());
                    }
                    if (!again) {
                        java.util.Arrays.fill(counts, 0);
                        conflicts.add(conflict(-1, "dataValues", null, "E7699", ConflictException.concurrent(e)
                                ? "Xung đột với một lần ghi khác đang sửa cùng số liệu; không lưu số liệu nào, hãy gửi lại"
                                : "Lỗi hệ thống (mã lỗi " + incident(e) + "); không lưu số liệu nào, hãy gửi lại"));
                        return summary(options, ImportSummary.Status.ERROR, 0, 0, total, 0, conflicts,
                                "Không nhập gì: " + conflicts.get(conflicts.size() - 1).value());
                    }
                }
            }
            if (atomicMode == AtomicMode.ALL && conflicts.size() > conflictsBefore) {
                return summary(options, ImportSummary.Status.ERROR, 0, 0, total, 0, conflicts,
                        "Không nhập gì (atomicMode=ALL): " + conflicts.size() + " số liệu bị từ chối");
            }
        }
        int ignored = total - counts[0] - counts[1] - counts[3];
        ImportSummary.Status status = conflicts.isEmpty() ? ImportSummary.Status.SUCCESS
                : counts[0] + counts[1] + counts[3] == 0 ? ImportSummary.Status.ERROR : ImportSummary.Status.WARNING;
        String description = (dryRun ? "Chạy thử, không lưu: " : "") + (stopped != null ? stopped
                : conflicts.isEmpty() ? "Đã nhập xong" : "Đã nhập các số liệu hợp lệ; " + conflicts.size() + " số liệu bị từ chối");
        return summary(options, status, counts[0], counts[1], ignored, counts[3], conflicts, description);
    }

    /**
     * The values of a unit (and its subtree with {@code children}) for a period, those of the form's elements only
     * when a form is named.
     */
    public DataValueSet export(String dataSetCode, String orgUnitCode, String periodId, boolean children) {
        OrgUnit unit = scopes.visible(orgUnitCode);
        Period period = Period.parse(periodId);
        DataSet form = dataSetCode == null || dataSetCode.isBlank() ? null : dataSets.require(dataSetCode);
        Set<String> codes = form == null ? null : form.elementCodes();
        List<DataValueSet.Value> values = new ArrayList<>();
        for (DataValue v : dataValues.list(unit, children, period, null)) {
            if (codes == null || codes.contains(v.elementCode())) {
                values.add(new DataValueSet.Value(v.elementCode(), v.period().id(), v.orgUnitCode(),
                        Numbers.machine(v.value()), v.comment(), v.kind().name(), v.updatedBy(),
                        v.updatedAt() == null ? null : v.updatedAt().toString(), false, v.kind().name()));
            }
        }
        return new DataValueSet(form == null ? null : form.code(), null, period.id(), unit.code(), values);
    }

    private Optional<Planned> plan(int i, DataValueSet set, DataSet form, Actor actor, List<Conflict> conflicts,
                                   Set<String> outOfScope, java.time.Instant reportedAt) {
        DataValueSet.Value dv = set.dataValues().get(i);
        String elementCode = dv.dataElement() == null ? "" : dv.dataElement().strip();
        DataElement element = elementCode.isEmpty() ? null : catalog.findElement(elementCode).orElse(null);
        if (element == null) {
            conflicts.add(conflict(i, "dataElement", elementCode, "E7610",
                    "Không có chỉ tiêu mã '" + elementCode + "' (số liệu thứ " + (i + 1) + ")"));
            return Optional.empty();
        }
        String periodId = dv.period() != null ? dv.period() : set.period();
        Period period;
        try {
            period = Period.parse(periodId);
        } catch (InvalidPeriodException e) {
            conflicts.add(conflict(i, "period", periodId, "E7611", e.getMessage() + " (chỉ tiêu " + element.code() + ")"));
            return Optional.empty();
        }
        String unitCode = dv.orgUnit() != null ? dv.orgUnit() : set.orgUnit();
        OrgUnit unit = orgUnits.find(unitCode).orElse(null);
        if (unit == null) {
            conflicts.add(conflict(i, "orgUnit", unitCode, "E7612", "Không có đơn vị mã '" + unitCode + "' (chỉ tiêu "
                    + element.code() + ")"));
            return Optional.empty();
        }
        if (!actor.covers(unit) || !actor.hasAny(Role.REPORTER, Role.PLANNER, Role.ADMIN)) {
            outOfScope.add(unit.name());
            return Optional.empty();
        }
        ValueKind kind = ValueKind.ACTUAL;
        if (form != null) {
            Optional<DataSetElement> line = form.element(element.code());
            if (line.isEmpty()) {
                conflicts.add(conflict(i, "dataElement", element.code(), "E7633", "Chỉ tiêu '" + element.code()
                        + "' không thuộc biểu '" + form.code() + "'"));
                return Optional.empty();
            }
            if (!form.accepts(period)) {
                conflicts.add(conflict(i, "period", period.id(), "E7632", "Kỳ " + period.id() + " là kỳ "
                        + period.type().label() + ", biểu '" + form.code() + "' nhận kỳ " + form.periodType().label()
                        + " (ví dụ " + form.periodType().example() + ")"));
                return Optional.empty();
            }
            if (!form.reportedBy(unit)) {
                conflicts.add(conflict(i, "orgUnit", unit.code(), "E7636", "Biểu '" + form.code() + "' do "
                        + form.unitKindsLabel().toLowerCase() + " báo cáo, không phải " + unit.name()));
                return Optional.empty();
            }
            kind = line.get().kind();
        }
        ValueKind combo;
        try {
            combo = ValueKind.ofCategoryOptionCombo(dv.categoryOptionCombo()).orElse(null);
        } catch (IllegalArgumentException e) {
            conflicts.add(conflict(i, "categoryOptionCombo", dv.categoryOptionCombo(), "E7619", e.getMessage()
                    + " (chỉ tiêu " + element.code() + ", đơn vị " + unit.code() + ", kỳ " + period.id() + ")"));
            return Optional.empty();
        }
        if (combo != null) {
            kind = combo;
        }
        if (dv.kind() != null && !dv.kind().isBlank()) {
            try {
                kind = ValueKind.parse(dv.kind());
            } catch (IllegalArgumentException e) {
                conflicts.add(conflict(i, "kind", dv.kind(), "E7619", e.getMessage()));
                return Optional.empty();
            }
            if (combo != null && combo != kind) {
                conflicts.add(conflict(i, "kind", dv.kind(), "E7619", "Số liệu thứ " + (i + 1) + " ghi loại " + kind
                        + " nhưng nhóm phân tổ (categoryOptionCombo) " + combo + "; hai trường phải cùng một loại"));
                return Optional.empty();
            }
        }
        String comment = dv.comment() == null || dv.comment().isBlank() ? null : dv.comment().strip();
        if (comment != null && comment.length() > DataEntry.MAX_COMMENT) {
            conflicts.add(conflict(i, "comment", element.code(), "E7620", "Ghi chú của chỉ tiêu " + element.code()
                    + " dài " + comment.length() + " ký tự, tối đa " + DataEntry.MAX_COMMENT));
            return Optional.empty();
        }
        String text = dv.value() == null ? "" : dv.value().strip();
        if (text.isEmpty()) {
            return Optional.of(new Planned(i, element, unit, period, kind, null, null, reportedAt));
        }
        BigDecimal value = parse(element, text);
        String typeError = value == null ? "Giá trị '" + text + "' của chỉ tiêu " + element.code()
                + (element.valueType() == ValueType.BOOLEAN ? " phải là true/false (hoặc 1/0)"
                : " phải là số dạng máy, dấu chấm thập phân, không phân cách hàng nghìn (ví dụ 1492.9)")
                : element.valueType() == ValueType.INTEGER && value.stripTrailingZeros().scale() > 0
                ? "Chỉ tiêu " + element.code() + " nhận số nguyên, không nhận " + text : null;
        if (typeError == null && Numbers.unstorable(value) != null) {
            typeError = "Giá trị '" + text + "' của chỉ tiêu " + element.code() + ", đơn vị " + unit.code() + ", kỳ "
                    + period.id() + ": " + Numbers.unstorable(value);
        }
        if (typeError != null) {
            conflicts.add(conflict(i, "value", text, "E7619", typeError));
            return Optional.empty();
        }
        return Optional.of(new Planned(i, element, unit, period, kind, value, comment, reportedAt));
    }

    /** Stores one value in its own transaction, again when another writer's lock undid the attempt. */
    private void storeRetrying(Planned p, Actor actor, Source source, int[] counts, List<Conflict> conflicts) {
        for (int attempt = 1; ; attempt++) {
            try {
                store(p, actor, source, counts, conflicts);
                return;
            } catch (RuntimeException e) {
                if (!ConflictException.concurrent(e) || attempt == ATTEMPTS) {
                    throw e;
                }
                log.info("Bộ số liệu: lần {} gặp ghi đồng thời ({}), chạy lại", attempt, e.getClass().getSimpleName());
            }
        }
    }

    private void store(Planned p, Actor actor, Source source, int[] counts, List<Conflict> conflicts) {
        try {
            Optional<DataValue> before = dataValues.find(p.element().code(), p.unit().code(), p.period(), p.kind());
            if (p.value() == null) {
                boolean deleted = dataValues.delete(p.element().code(), p.unit().code(), p.period(), p.kind(),
                        actor.username(), source);
                counts[deleted ? 3 : 2]++;
                return;
            }
            // DHIS2's format has no illustrative mark: an unchanged value keeps its own, a new figure is a real one.
            boolean illustrative = before.isPresent() && before.get().illustrative()
                    && before.get().value().compareTo(p.value()) == 0;
            DataValue after = dataValues.save(new DataValueWrite(p.element().code(), p.unit().code(), p.period(),
                    p.kind(), p.value(), p.comment(), illustrative, null, p.reportedAt()), actor.username(), source);
            if (before.isEmpty()) {
                counts[0]++;
            } else if (after.version() != before.get().version()) {
                counts[1]++;
            } else {
                counts[2]++;
            }
        } catch (EntryLockedException e) {
            conflicts.add(conflict(p.index(), "period", p.period().id(), "E7642", e.getMessage()));
        } catch (ConflictException e) {
            conflicts.add(conflict(p.index(), "value", p.element().code(), "E7643", e.getMessage()));
        } catch (IllegalArgumentException e) {
            conflicts.add(conflict(p.index(), "value", p.element().code(), "E7619", e.getMessage()));
        }
    }

    /** The value as a person names it: "chỉ tiêu PIG_HERD, đơn vị MINHLONG, kỳ 2021S1". */
    private static String cell(Planned p) {
        return "chỉ tiêu " + p.element().code() + ", đơn vị " + p.unit().code() + ", kỳ " + p.period().id();
    }

    /** Logs an unexpected failure with a short code the person can quote; its text never leaves the server. */
    private static String incident(RuntimeException e) {
        String code = java.util.UUID.randomUUID().toString().substring(0, 8);
        log.error("Bộ số liệu: lỗi hệ thống {}", code, e);
        return code;
    }

    private static BigDecimal parse(DataElement element, String text) {
        if (element.valueType() == ValueType.BOOLEAN) {
            String t = text.toLowerCase(Locale.ROOT);
            if (Set.of("true", "t", "1").contains(t)) {
                return BigDecimal.ONE;
            }
            if (Set.of("false", "f", "0").contains(t)) {
                return BigDecimal.ZERO;
            }
            return null;
        }
        return Numbers.parseMachine(text);
    }

    private static Conflict conflict(int index, String property, String object, String code, String message) {
        return new Conflict(object, Map.of(property, object == null ? "" : object), message, code, property,
                index < 0 ? List.of() : List.of(index));
    }

    private static ImportSummary summary(Map<String, Object> options, ImportSummary.Status status, int imported,
                                         int updated, int ignored, int deleted, List<Conflict> conflicts,
                                         String description) {
        return new ImportSummary("ImportSummary", status, options, description,
                new ImportSummary.ImportCount(imported, updated, ignored, deleted), conflicts, "false");
    }
}
