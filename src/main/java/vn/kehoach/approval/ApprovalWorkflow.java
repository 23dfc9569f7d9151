package vn.kehoach.approval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.kehoach.audit.Source;
import vn.kehoach.catalog.Catalog;
import vn.kehoach.dataset.DataSet;
import vn.kehoach.dataset.DataSets;
import vn.kehoach.datavalue.DataValue;
import vn.kehoach.datavalue.DataValues;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.period.Periods;
import vn.kehoach.security.Actor;
import vn.kehoach.security.Actors;
import vn.kehoach.security.OutOfScopeException;
import vn.kehoach.security.Role;
import vn.kehoach.validation.FormCheck;
import vn.kehoach.validation.ValidationRules;
import vn.kehoach.validation.Violation;

/**
 * The approval workflow of a form for a unit and period (quy trình phê duyệt): submit (after validation), withdraw,
 * approve, return with a reason, reopen. A unit's form is decided by the units above it — the district approves its
 * communes, the province its district — never by the unit itself; reopening an approved form needs a planner.
 * Every step is kept in the audit trail.
 */
@Service
public class ApprovalWorkflow {

    private static final String SELECT = """
            select a.data_set_code, u.code as unit_code, u.name as unit_name, p.iso, a.state, a.reason,
                   a.first_submitted_at, a.submitted_by, a.submitted_at, a.decided_by, a.decided_at
              from approval a
              join org_unit u on u.id = a.org_unit_id
              join period p on p.id = a.period_id
            """;

    private final JdbcClient jdbc;
    private final DataSets dataSets;
    private final OrgUnits orgUnits;
    private final Periods periods;
    private final Actors actors;
    private final ValidationRules validation;
    private final DataValues dataValues;
    private final Catalog catalog;

    public ApprovalWorkflow(JdbcClient jdbc, DataSets dataSets, OrgUnits orgUnits, Periods periods, Actors actors,
                            ValidationRules validation, DataValues dataValues, Catalog catalog) {
        this.jdbc = jdbc;
        this.dataSets = dataSets;
        this.orgUnits = orgUnits;
        this.periods = periods;
        this.actors = actors;
        this.validation = validation;
        this.dataValues = dataValues;
        this.catalog = catalog;
    }

    /** Where the form of the unit for the period stands; a form nobody submitted is a draft. */
    public Approval state(DataSet form, OrgUnit unit, Period period) {
        return find(form.code(), unit, period).orElse(Approval.draft(form.code(), unit.code(), unit.name(), period));
    }

    /** The submitted or approved forms of the unit for the period: what locks its values. */
    public List<Approval> locking(OrgUnit unit, Period period) {
        return jdbc.sql(SELECT + " where a.org_unit_id = :unit and p.iso = :period and a.state in ('SUBMITTED', 'APPROVED')")
                .param("unit", unit.id()).param("period", period.id()).query(ApprovalWorkflow::map).list();
    }

    /**
     * Submits the form (gửi duyệt) after checking it: every required line filled and no rule of high importance
     * failing; otherwise nothing changes and the refusal lists what to correct. Returns the warnings that remain.
     */
    @Transactional
    public Submission submit(String formCode, String unitCode, Period period, Source source) {
        DataSet form = dataSets.require(formCode);
        OrgUnit unit = orgUnits.require(unitCode);
        actors.checkCanWrite(unit, Role.REPORTER, Role.PLANNER);
        form.checkReportable(unit, period);
        Approval current = state(form, unit, period);
        if (!current.state().open()) {
            throw new WorkflowException(describe(form, unit, period) + " " + current.state().phrase()
                    + (current.state() == ApprovalState.APPROVED ? "; muốn sửa cần cán bộ kế hoạch cấp trên mở lại"
                    : " từ " + Numbers.vi().dateTime(current.submittedAt()) + "; không gửi lại được"));
        }
        FormCheck check = validation.checkForm(form, unit, period);
        if (check.blocking()) {
            List<String> problems = new ArrayList<>();
            if (!check.missingRequired().isEmpty()) {
                problems.add("Chưa nhập " + check.missingRequired().size() + " dòng bắt buộc: "
                        + String.join(", ", check.missingRequired().stream()
                        .map(e -> catalog.element(e.elementCode()).name()).toList()));
            }
            for (Violation v : check.blockingViolations()) {
                problems.add(v.message() + " — " + v.detail());
            }
            throw new WorkflowException("Chưa gửi được " + describe(form, unit, period) + ": còn " + problems.size()
                    + " lỗi phải sửa", problems);
        }
        Actor a = actors.current();
        Instant now = Instant.now();
        upsert(form, unit, period, current.state(), ApprovalState.SUBMITTED, null, a.username(), now, true);
        audit(form, unit, period, "SUBMIT", current.state(), ApprovalState.SUBMITTED, null, a.username(), now, source);
        return new Submission(state(form, unit, period), check.warnings());
    }

    /** What a submission left: the new state and the warnings (medium and low) that did not stop it. */
    public record Submission(Approval approval, List<Violation> warnings) {
    }

    /** Takes back a submission not yet decided (rút lại), so the unit can correct it. */
    @Transactional
    public Approval withdraw(String formCode, String unitCode, Period period, Source source) {
        DataSet form = dataSets.require(formCode);
        OrgUnit unit = orgUnits.require(unitCode);
        actors.checkCanWrite(unit, Role.REPORTER, Role.PLANNER);
        return step(form, unit, period, ApprovalState.SUBMITTED, ApprovalState.DRAFT, "WITHDRAW", null, source,
                "chỉ rút lại được biểu đã gửi mà chưa được duyệt");
    }

    /** Approves a submitted form (phê duyệt); its values stay locked. */
    @Transactional
    public Approval approve(String formCode, String unitCode, Period period, Source source) {
        DataSet form = dataSets.require(formCode);
        OrgUnit unit = orgUnits.require(unitCode);
        checkAbove(unit, "duyệt", Role.APPROVER, Role.PLANNER);
        checkApprover(form, "duyệt");
        return step(form, unit, period, ApprovalState.SUBMITTED, ApprovalState.APPROVED, "APPROVE", null, source,
                "chỉ duyệt được biểu đã gửi");
    }

    /** Returns a submitted form to its unit for correction (trả lại), with the reason the unit will read. */
    @Transactional
    public Approval returnForCorrection(String formCode, String unitCode, Period period, String reason, Source source) {
        DataSet form = dataSets.require(formCode);
        OrgUnit unit = orgUnits.require(unitCode);
        checkAbove(unit, "trả lại", Role.APPROVER, Role.PLANNER);
        checkApprover(form, "trả lại");
        return step(form, unit, period, ApprovalState.SUBMITTED, ApprovalState.RETURNED, "RETURN",
                requireReason(reason, "trả lại"), source, "chỉ trả lại được biểu đã gửi mà chưa được duyệt");
    }

    /** Reopens an approved form (mở lại) for correction; only a planner above the unit may, and must say why. */
    @Transactional
    public Approval reopen(String formCode, String unitCode, Period period, String reason, Source source) {
        DataSet form = dataSets.require(formCode);
        OrgUnit unit = orgUnits.require(unitCode);
        checkAbove(unit, "mở lại", Role.PLANNER);
        return step(form, unit, period, ApprovalState.APPROVED, ApprovalState.RETURNED, "REOPEN",
                requireReason(reason, "mở lại"), source, "chỉ mở lại được biểu đã duyệt");
    }

    /**
     * The periods of the form's type worth offering for the units of {@code root}, latest first: every period from the
     * first one holding values (at the latest the first of two years ago) to the current one, with no gap, and any later one holding
     * values; the latest one holding values comes first (the demo's 2021S1), as the period to open.
     */
    public List<Period> periods(DataSet form, OrgUnit root) {
        TreeSet<Period> periods = new TreeSet<>();
        dataValues.periodsWithValues(root).stream().filter(form::accepts).forEach(periods::add);
        Period latestWithValues = periods.isEmpty() ? null : periods.last();
        LocalDate today = LocalDate.now(Numbers.VIETNAM);
        if (form.periodType().calendar() || form.periodType() == vn.kehoach.period.PeriodType.FIVE_YEARLY) {
            Period current = Period.containing(form.periodType(), today);
            // From the first period holding values, and at least from the start of the year two years back.
            Period first = Period.containing(form.periodType(), LocalDate.of(today.getYear() - 2, 1, 1));
            if (!periods.isEmpty() && periods.first().compareTo(first) < 0) {
                first = periods.first();
            }
            // Back from the current period to the first with values (at most 100 years of months, to be safe).
            for (Period p = current; p.compareTo(first) >= 0 && periods.size() < 1200; p = p.previous()) {
                periods.add(p);
            }
        }
        List<Period> out = new ArrayList<>(periods.descendingSet());
        if (latestWithValues != null) {
            out.remove(latestWithValues);
            out.add(0, latestWithValues);
        }
        return out;
    }

    /** True when the current actor may approve, return (and, as a planner, reopen) the unit's forms. */
    public boolean canDecide(OrgUnit unit) {
        Actor a = actors.current();
        return a.hasAny(Role.APPROVER, Role.PLANNER) && above(a, unit);
    }

    /**
     * True when the current actor may approve or return this form of the unit: {@link #canDecide(OrgUnit)}, and, for
     * a form whose approver is a kind of unit (the province), only from such a unit — what approving asks, so a page
     * offers no button the service would refuse.
     */
    public boolean canDecide(DataSet form, OrgUnit unit) {
        return canDecide(unit) && approverMay(form, actors.current());
    }

    public boolean canReopen(OrgUnit unit) {
        Actor a = actors.current();
        return a.has(Role.PLANNER) && above(a, unit);
    }

    /** True when the current actor may submit or withdraw the unit's forms. */
    public boolean canSubmit(OrgUnit unit) {
        Actor a = actors.current();
        return a.hasAny(Role.REPORTER, Role.PLANNER) && a.covers(unit);
    }

    /**
     * Completeness of the form for the period over the units of the subtree that report it: where each stands,
     * how many lines hold a value, and whether it is submitted or approved after a first submission by the due date.
     */
    public Completeness completeness(DataSet form, OrgUnit root, Period period) {
        // Units that ended before the period (merged, dissolved) or began after it are not expected to report it.
        actors.checkCanSee(root);
        Map<String, Approval> byUnit = new HashMap<>();
        jdbc.sql(SELECT + " where a.data_set_code = :form and p.iso = :period and u.path like :prefix")
                .param("form", form.code()).param("period", period.id()).param("prefix", root.path() + "%")
                .query(ApprovalWorkflow::map).list().forEach(a -> byUnit.put(a.orgUnitCode(), a));
        Map<String, Set<String>> filled = new HashMap<>();
        Set<String> codes = form.elementCodes();
        for (DataValue v : dataValues.list(root, true, period, null)) {
            if (codes.contains(v.elementCode())) {
                filled.computeIfAbsent(v.orgUnitCode(), k -> new HashSet<>()).add(v.elementCode());
            }
        }
        var due = form.dueDate(period);
        List<Completeness.Line> lines = new ArrayList<>();
        for (OrgUnit unit : orgUnits.subtree(root)) {
            if (!form.reportedBy(unit) || !unit.inForceDuring(period.start(), period.end())) {
                continue;
            }
            Approval a = byUnit.getOrDefault(unit.code(), Approval.draft(form.code(), unit.code(), unit.name(), period));
            boolean onTime = (a.state() == ApprovalState.SUBMITTED || a.state() == ApprovalState.APPROVED)
                    && a.firstSubmittedAt() != null
                    && !a.firstSubmittedAt().atZone(Numbers.VIETNAM).toLocalDate().isAfter(due);
            lines.add(new Completeness.Line(unit, a, filled.getOrDefault(unit.code(), Set.of()).size(), codes.size(), onTime));
        }
        return new Completeness(form, period, due, lines);
    }

    private Approval step(DataSet form, OrgUnit unit, Period period, ApprovalState from, ApprovalState to,
                          String action, String reason, Source source, String rule) {
        form.checkReportable(unit, period);
        Approval current = state(form, unit, period);
        if (current.state() != from) {
            throw new WorkflowException(describe(form, unit, period) + " " + current.state().phrase() + ": " + rule);
        }
        Actor a = actors.current();
        Instant now = Instant.now();
        upsert(form, unit, period, from, to, reason, a.username(), now, false);
        audit(form, unit, period, action, from, to, reason, a.username(), now, source);
        return state(form, unit, period);
    }

    private void upsert(DataSet form, OrgUnit unit, Period period, ApprovalState from, ApprovalState to,
                        String reason, String user, Instant now, boolean submission) {
        long periodId = periods.idOf(period);
        var at = now.atOffset(ZoneOffset.UTC);
        if (from == ApprovalState.DRAFT && find(form.code(), unit, period).isEmpty()) {
            jdbc.sql("""
                    insert into approval (data_set_code, org_unit_id, period_id, state, first_submitted_at, submitted_by,
                           submitted_at, version, updated_by, updated_at)
                    values (:form, :unit, :period, :state, :at, :user, :at, 1, :user, :at)""")
                    .param("form", form.code()).param("unit", unit.id()).param("period", periodId)
                    .param("state", to.name()).param("at", at).param("user", user).update();
            return;
        }
        // The state in the where clause makes two people deciding at once safe: the second finds nothing to change.
        String set = submission
                ? "state = :to, reason = null, first_submitted_at = coalesce(first_submitted_at, :at), submitted_by = :user, submitted_at = :at"
                : to == ApprovalState.DRAFT ? "state = :to, reason = null"
                : "state = :to, reason = :reason, decided_by = :user, decided_at = :at";
        int n = jdbc.sql("update approval set " + set + """
                        , version = version + 1, updated_by = :user, updated_at = :at
                         where data_set_code = :form and org_unit_id = :unit and period_id = :period and state = :from""")
                .param("to", to.name()).param("reason", reason).param("at", at).param("user", user)
                .param("form", form.code()).param("unit", unit.id()).param("period", periodId).param("from", from.name())
                .update();
        if (n == 0) {
            throw new WorkflowException(describe(form, unit, period) + " vừa được người khác thay đổi; hãy tải lại trang");
        }
    }

    private void audit(DataSet form, OrgUnit unit, Period period, String action, ApprovalState from, ApprovalState to,
                       String reason, String user, Instant at, Source source) {
        jdbc.sql("""
                insert into approval_audit (data_set_code, org_unit_id, period_id, action, old_state, new_state, reason,
                       changed_by, changed_at, source)
                values (:form, :unit, :period, :action, :from, :to, :reason, :user, :at, :source)""")
                .param("form", form.code()).param("unit", unit.id()).param("period", periods.idOf(period))
                .param("action", action).param("from", from.name()).param("to", to.name()).param("reason", reason)
                .param("user", user).param("at", at.atOffset(ZoneOffset.UTC)).param("source", source.name()).update();
    }

    private Optional<Approval> find(String formCode, OrgUnit unit, Period period) {
        return jdbc.sql(SELECT + " where a.data_set_code = :form and a.org_unit_id = :unit and p.iso = :period")
                .param("form", formCode).param("unit", unit.id()).param("period", period.id())
                .query(ApprovalWorkflow::map).optional();
    }

    /** The actor must hold a role and sit strictly above the unit: a unit never decides its own form. */
    private void checkAbove(OrgUnit unit, String verb, Role... roles) {
        Actor a = actors.current();
        if (!a.hasAny(roles)) {
            throw new OutOfScopeException("Tài khoản " + a.username() + " không được " + verb + " biểu (cần vai trò "
                    + java.util.Arrays.stream(roles).map(Role::label).toList() + ")");
        }
        if (!a.covers(unit)) {
            throw new OutOfScopeException("Tài khoản " + a.username() + " chỉ được " + verb + " biểu của các đơn vị thuộc "
                    + a.orgUnitName() + ", không phải " + unit.name());
        }
        if (!above(a, unit)) {
            throw new OutOfScopeException("Tài khoản " + a.username() + " không được tự " + verb + " biểu của chính "
                    + unit.name() + ": biểu của một đơn vị do cấp trên quyết định (huyện duyệt xã, tỉnh duyệt huyện)");
        }
    }

    /** A form whose approver is a kind of unit (the province) is decided only by the approvers of such a unit. */
    private void checkApprover(DataSet form, String verb) {
        Actor a = actors.current();
        if (!approverMay(form, a)) {
            OrgUnit own = orgUnits.require(a.orgUnitCode());
            throw new OutOfScopeException("Biểu '" + form.name() + "' do " + form.approverKind().label().toLowerCase()
                    + " " + verb + "; tài khoản " + a.username() + " thuộc " + own.name() + " không " + verb + " được");
        }
    }

    private boolean approverMay(DataSet form, Actor a) {
        return form.approverKind() == null || a == Actor.SYSTEM || a.orgUnitCode() == null
                || orgUnits.require(a.orgUnitCode()).kind() == form.approverKind();
    }

    private static boolean above(Actor a, OrgUnit unit) {
        return a.covers(unit) && !unit.path().equals(a.scopePath());
    }

    private static String requireReason(String reason, String verb) {
        if (reason == null || reason.isBlank()) {
            throw new WorkflowException("Cần ghi lý do " + verb + " để đơn vị biết phải sửa gì");
        }
        return reason.strip();
    }

    static String describe(DataSet form, OrgUnit unit, Period period) {
        return "Biểu '" + form.name() + "' của " + unit.name() + " kỳ " + period.label();
    }

    private static Approval map(ResultSet rs, int row) throws SQLException {
        return new Approval(rs.getString("data_set_code"), rs.getString("unit_code"), rs.getString("unit_name"),
                Period.parse(rs.getString("iso")), ApprovalState.valueOf(rs.getString("state")), rs.getString("reason"),
                instant(rs.getTimestamp("first_submitted_at")), rs.getString("submitted_by"),
                instant(rs.getTimestamp("submitted_at")), rs.getString("decided_by"),
                instant(rs.getTimestamp("decided_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
