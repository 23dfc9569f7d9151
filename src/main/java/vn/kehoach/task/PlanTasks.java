package vn.kehoach.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.kehoach.access.Guard;
import vn.kehoach.access.Resource;
import vn.kehoach.audit.Area;
import vn.kehoach.audit.MetadataAudit;
import vn.kehoach.audit.MetadataChange;
import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.Sector;
import vn.kehoach.datavalue.ConflictException;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.orgunit.UnknownOrgUnitException;
import vn.kehoach.security.Actors;
import vn.kehoach.security.OutOfScopeException;
import vn.kehoach.security.Role;

/**
 * Plan tasks and their progress notes. A task is visible to whoever's scope covers the plan's unit, the lead agency
 * or a cooperating unit; planners of the plan's unit set tasks; the lead agency (its reporters) and planners report
 * progress. Each report stays as a dated note; a task keeps who changed it last and a version.
 */
@Service
public class PlanTasks {

    private static final String SELECT = """
            select t.id, o.code as owner_code, t.plan_year, t.sector_code, s.name as sector_name, t.reference,
                   t.content, l.code as lead_code, l.name as lead_name, t.deadline, t.status,
                   t.assignment_illustrative, t.note, t.sort_order, t.version, t.updated_by, t.updated_at
              from plan_task t
              join org_unit o on o.id = t.owner_unit_id
              join org_unit l on l.id = t.lead_unit_id
              join sector s on s.code = t.sector_code
            """;
    private static final String VISIBLE = """
             (o.path like :scope or l.path like :scope or exists (select 1 from plan_task_cooperator c
                 join org_unit u on u.id = c.org_unit_id where c.task_id = t.id and u.path like :scope))""";

    private final JdbcClient jdbc;
    private final OrgUnits orgUnits;
    private final Catalog catalog;
    private final Actors actors;
    private final Guard guard;
    private final MetadataAudit audit;

    public PlanTasks(JdbcClient jdbc, OrgUnits orgUnits, Catalog catalog, Actors actors, Guard guard,
                     MetadataAudit audit) {
        this.guard = guard;
        this.jdbc = jdbc;
        this.orgUnits = orgUnits;
        this.catalog = catalog;
        this.actors = actors;
        this.audit = audit;
    }

    /** Keeps the task's change in the metadata trail, under the plan's unit, and returns the task. */
    private PlanTask audited(PlanTask before, PlanTask after, String user) {
        audit.record(MetadataChange.between(Area.TASK, orgUnits.require(after.ownerUnitCode()).id(),
                String.valueOf(after.id()), MetadataAudit.cut(after.content(), 200), before, after).by(user));
        return after;
    }

    /** The tasks the actor may see that pass the filter, in plan order (sector, then task). */
    public List<PlanTask> list(TaskFilter f) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where").append(VISIBLE);
        Map<String, Object> params = new HashMap<>();
        params.put("scope", actors.current().scopePath() + "%");
        if (f.year() != null) {
            sql.append(" and t.plan_year = :year");
            params.put("year", f.year());
        }
        if (f.sectorCode() != null && !f.sectorCode().isBlank()) {
            sql.append(" and t.sector_code = :sector");
            params.put("sector", f.sectorCode().strip().toUpperCase());
        }
        if (f.status() != null) {
            sql.append(" and t.status = :status");
            params.put("status", f.status().name());
        }
        if (f.leadUnitCode() != null && !f.leadUnitCode().isBlank()) {
            sql.append(" and l.code = :lead");
            params.put("lead", f.leadUnitCode().strip().toUpperCase());
        }
        if (f.overdueAt() != null) {
            sql.append(" and t.deadline < :at and t.status <> 'DONE'");
            params.put("at", f.overdueAt());
        }
        sql.append(" order by t.plan_year, s.sort_order, t.sector_code, t.sort_order, t.id");
        return withCooperators(jdbc.sql(sql.toString()).params(params).query(PlanTasks::map).list());
    }

    /** Tasks past their deadline at the date and not done (nhiệm vụ quá hạn), in plan order. */
    public List<PlanTask> overdue(LocalDate at) {
        return list(new TaskFilter(null, null, null, null, at));
    }

    /** The year's tasks grouped by sector in the plan's sector order: Part 2 of the plan. */
    public List<SectorTasks> bySector(int year) {
        Map<String, List<PlanTask>> groups = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        for (PlanTask t : list(new TaskFilter(year, null, null, null, null))) {
            groups.computeIfAbsent(t.sectorCode(), k -> new ArrayList<>()).add(t);
            names.put(t.sectorCode(), t.sectorName());
        }
        return groups.entrySet().stream().map(e -> new SectorTasks(e.getKey(), names.get(e.getKey()), e.getValue()))
                .toList();
    }

    public Optional<PlanTask> find(long id) {
        return jdbc.sql(SELECT + " where t.id = :id and" + VISIBLE).param("id", id)
                .param("scope", actors.current().scopePath() + "%").query(PlanTasks::map).optional()
                .map(t -> withCooperators(List.of(t)).get(0));
    }

    /** The task, or an error naming the number (also when it lies outside the actor's scope). */
    public PlanTask require(long id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("Không có nhiệm vụ số " + id
                + " trong phạm vi của tài khoản " + actors.current().username()));
    }

    /** The task's progress notes, newest first. */
    public List<ProgressNote> notes(long taskId) {
        require(taskId);
        return jdbc.sql("""
                        select id, task_id, noted_on, content, status, author, created_at from plan_task_note
                         where task_id = :id order by noted_on desc, id desc""").param("id", taskId)
                .query((rs, i) -> new ProgressNote(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate(),
                        rs.getString(4), TaskStatus.valueOf(rs.getString(5)), rs.getString(6),
                        rs.getTimestamp(7).toInstant())).list();
    }

    /** The plan years that hold tasks the actor may see, latest first. */
    public List<Integer> years() {
        return jdbc.sql("""
                        select distinct t.plan_year from plan_task t join org_unit o on o.id = t.owner_unit_id
                          join org_unit l on l.id = t.lead_unit_id where""" + VISIBLE + " order by t.plan_year desc")
                .param("scope", actors.current().scopePath() + "%").query(Integer.class).list();
    }

    /** Creates a task; the actor must be a planner of the plan's unit, and the units must lie under it. */
    @Transactional
    public PlanTask create(TaskDraft d, String user) {
        Units u = units(d);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into plan_task (owner_unit_id, plan_year, sector_code, reference, content, lead_unit_id, deadline,
                       status, assignment_illustrative, note, sort_order, version, updated_by, updated_at)
                values (:owner, :year, :sector, :reference, :content, :lead, :deadline, :status, :ill, :note, :sort,
                       1, :user, :at)""").params(columns(d, u, user)).update(keys, "id");
        long id = keys.getKey().longValue();
        setCooperators(id, u.cooperators());
        return audited(null, require(id), user);
    }

    /** Updates a task (planners only); a stale {@code expectedVersion} is refused with who changed it last. */
    @Transactional
    public PlanTask update(long id, TaskDraft d, String user) {
        PlanTask old = require(id);
        guard.checkWrite(Resource.TASK, orgUnits.require(old.ownerUnitCode()).place());
        if (d.expectedVersion() != null && d.expectedVersion() != old.version()) {
            throw new ConflictException("Nhiệm vụ số " + id + " vừa được " + old.updatedBy() + " sửa; hãy tải lại trước khi lưu");
        }
        Units u = units(d);
        Map<String, Object> params = columns(d, u, user);
        params.put("id", id);
        params.put("version", old.version());
        int n = jdbc.sql("""
                update plan_task set owner_unit_id = :owner, plan_year = :year, sector_code = :sector,
                       reference = :reference, content = :content, lead_unit_id = :lead, deadline = :deadline,
                       status = :status, assignment_illustrative = :ill, note = :note, sort_order = :sort,
                       version = version + 1, updated_by = :user, updated_at = :at
                 where id = :id and version = :version""").params(params).update();
        if (n == 0) {
            throw new ConflictException("Nhiệm vụ số " + id + " vừa được người khác sửa; hãy tải lại trước khi lưu");
        }
        setCooperators(id, u.cooperators());
        return audited(old, require(id), user);
    }

    /**
     * Reports progress: a dated note and the status it brings the task to. The lead agency's own users (reporters)
     * and planners may report; a cooperating unit only reads.
     */
    @Transactional
    public ProgressNote report(long taskId, LocalDate notedOn, String content, TaskStatus status, String user) {
        PlanTask t = require(taskId);
        actors.checkCanWrite(orgUnits.require(t.lead().code()), Role.REPORTER, Role.PLANNER);
        if (content == null || content.isBlank()) {
            throw new IllegalArgumentException("Báo cáo tiến độ nhiệm vụ số " + taskId + ": thiếu nội dung");
        }
        if (notedOn == null) {
            throw new IllegalArgumentException("Báo cáo tiến độ nhiệm vụ số " + taskId + ": thiếu ngày báo cáo");
        }
        if (notedOn.isAfter(LocalDate.now(Numbers.VIETNAM))) {
            throw new IllegalArgumentException("Báo cáo tiến độ nhiệm vụ số " + taskId + ": ngày báo cáo "
                    + Numbers.vi().date(notedOn) + " là ngày trong tương lai");
        }
        if (status == null) {
            throw new IllegalArgumentException("Báo cáo tiến độ nhiệm vụ số " + taskId + ": thiếu tình trạng");
        }
        Instant at = Instant.now();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into plan_task_note (task_id, noted_on, content, status, author, created_at)
                values (:task, :on, :content, :status, :user, :at)""")
                .param("task", taskId).param("on", notedOn).param("content", content.strip())
                .param("status", status.name()).param("user", user).param("at", at.atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        jdbc.sql("""
                update plan_task set status = :status, version = version + 1, updated_by = :user, updated_at = :at
                 where id = :id""").param("status", status.name()).param("user", user)
                .param("at", at.atOffset(ZoneOffset.UTC)).param("id", taskId).update();
        audit.record(MetadataChange.of(Area.TASK, "Báo cáo tiến độ", orgUnits.require(t.ownerUnitCode()).id(),
                String.valueOf(taskId), MetadataAudit.cut(t.content(), 200), t.status().label(),
                status.label() + ": " + content.strip()).by(user));
        return new ProgressNote(keys.getKey().longValue(), taskId, notedOn, content.strip(), status, user, at);
    }

    /** Whether the actor may report on the task (its lead agency's users, planners). */
    public boolean canReport(PlanTask t) {
        return allowed(() -> actors.checkCanWrite(orgUnits.require(t.lead().code()), Role.REPORTER, Role.PLANNER));
    }

    /** Whether the actor may change the task itself (planners of the plan's unit). */
    public boolean canEdit(PlanTask t) {
        return allowed(() -> guard.checkWrite(Resource.TASK, orgUnits.require(t.ownerUnitCode()).place()));
    }

    /** Whether the actor may create tasks for the unit's plan. */
    public boolean canCreate(String ownerUnitCode) {
        return allowed(() -> guard.checkWrite(Resource.TASK, orgUnits.require(ownerUnitCode).place()));
    }

    private static boolean allowed(Runnable check) {
        try {
            check.run();
            return true;
        } catch (OutOfScopeException e) {
            return false;
        }
    }

    private record Units(OrgUnit owner, OrgUnit lead, List<OrgUnit> cooperators) {
    }

    private Units units(TaskDraft d) {
        OrgUnit owner = unit(d.ownerUnitCode(), "đơn vị có kế hoạch");
        guard.checkWrite(Resource.TASK, owner.place());
        Sector sector = catalog.findSector(d.sectorCode()).orElseThrow(() -> new IllegalArgumentException(
                "Nhiệm vụ: không có lĩnh vực mã '" + d.sectorCode() + "'"));
        OrgUnit lead = unit(d.leadUnitCode(), "cơ quan chủ trì");
        List<OrgUnit> cooperators = new ArrayList<>();
        for (OrgUnit u : concat(lead, d.cooperatorCodes().stream().map(c -> unit(c, "đơn vị phối hợp")).toList())) {
            if (!owner.covers(u)) {
                throw new IllegalArgumentException("Nhiệm vụ (" + sector.name() + "): " + u.name() + " không thuộc "
                        + owner.name());
            }
            if (u != lead) {
                cooperators.add(u);
            }
        }
        return new Units(owner, lead, cooperators);
    }

    private static List<OrgUnit> concat(OrgUnit first, List<OrgUnit> rest) {
        List<OrgUnit> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private OrgUnit unit(String code, String what) {
        try {
            return orgUnits.require(code);
        } catch (UnknownOrgUnitException e) {
            throw new IllegalArgumentException("Nhiệm vụ: không có " + what + " mã '" + code + "'");
        }
    }

    private static Map<String, Object> columns(TaskDraft d, Units u, String user) {
        Map<String, Object> m = new HashMap<>();
        m.put("owner", u.owner().id());
        m.put("year", d.year());
        m.put("sector", d.sectorCode());
        m.put("reference", d.reference());
        m.put("content", d.content());
        m.put("lead", u.lead().id());
        m.put("deadline", d.deadline());
        m.put("status", d.status().name());
        m.put("ill", d.assignmentIllustrative());
        m.put("note", d.note());
        m.put("sort", d.sortOrder());
        m.put("user", user);
        m.put("at", OffsetDateTime.now(ZoneOffset.UTC));
        return m;
    }

    private void setCooperators(long taskId, List<OrgUnit> units) {
        jdbc.sql("delete from plan_task_cooperator where task_id = :id").param("id", taskId).update();
        for (OrgUnit u : units) {
            jdbc.sql("insert into plan_task_cooperator (task_id, org_unit_id) values (:id, :unit)")
                    .param("id", taskId).param("unit", u.id()).update();
        }
    }

    private List<PlanTask> withCooperators(List<PlanTask> tasks) {
        if (tasks.isEmpty()) {
            return tasks;
        }
        Map<Long, List<UnitRef>> co = new HashMap<>();
        jdbc.sql("""
                        select c.task_id, u.code, u.name from plan_task_cooperator c join org_unit u on u.id = c.org_unit_id
                         where c.task_id in (:ids) order by u.code""")
                .param("ids", tasks.stream().map(PlanTask::id).toList())
                .query((rs, i) -> co.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new UnitRef(rs.getString(2), rs.getString(3)))).list();
        return tasks.stream().map(t -> new PlanTask(t.id(), t.ownerUnitCode(), t.year(), t.sectorCode(), t.sectorName(),
                t.reference(), t.content(), t.lead(), co.getOrDefault(t.id(), List.of()), t.deadline(), t.status(),
                t.assignmentIllustrative(), t.note(), t.sortOrder(), t.version(), t.updatedBy(), t.updatedAt())).toList();
    }

    private static PlanTask map(ResultSet rs, int row) throws SQLException {
        Timestamp at = rs.getTimestamp("updated_at");
        return new PlanTask(rs.getLong("id"), rs.getString("owner_code"), rs.getInt("plan_year"),
                rs.getString("sector_code"), rs.getString("sector_name"), rs.getString("reference"),
                rs.getString("content"), new UnitRef(rs.getString("lead_code"), rs.getString("lead_name")), List.of(),
                rs.getDate("deadline").toLocalDate(), TaskStatus.valueOf(rs.getString("status")),
                rs.getBoolean("assignment_illustrative"), rs.getString("note"), rs.getInt("sort_order"),
                rs.getInt("version"), rs.getString("updated_by"), at == null ? null : at.toInstant());
    }
}
