package vn.kehoach.project;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.Collator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.kehoach.access.Guard;
import vn.kehoach.access.Resource;
import vn.kehoach.audit.Area;
import vn.kehoach.audit.MetadataAudit;
import vn.kehoach.audit.MetadataChange;
import vn.kehoach.audit.Source;
import vn.kehoach.datavalue.ConflictException;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.orgunit.UnknownOrgUnitException;
import vn.kehoach.project.internal.ProgrammeFigures;
import vn.kehoach.security.Actor;
import vn.kehoach.security.Actors;
import vn.kehoach.security.OutOfScopeException;
import vn.kehoach.security.Role;

/**
 * The project register (sổ theo dõi dự án đầu tư công): projects, their capital and disbursements, with the rules
 * that keep them right, and what is computed from them. Reads are kept to the actor's scope (a commune sees the
 * projects that lie in it); writes need a planner whose scope covers the project's unit and every commune of it.
 * Amounts are in triệu đồng.
 */
@Service
public class Projects {

    /** The unit of every amount of the register. */
    public static final String AMOUNT_UNIT = "TRIEU_DONG";

    private static final String SELECT = """
            select p.id, p.code, p.name, p.kind, o.code as owner_code, o.name as owner_name, p.investor,
                   p.total_investment, p.status, p.started_on, p.planned_completion_on, p.completed_on,
                   p.handed_over_on, p.illustrative, p.note, p.version, p.updated_by, p.updated_at
              from project p join org_unit o on o.id = p.owner_unit_id
            """;
    /** A project is visible when its unit or one of its places lies in the actor's subtree. */
    private static final String VISIBLE = """
             (o.path like :scope or exists (select 1 from project_location l join org_unit u on u.id = l.org_unit_id
                                             where l.project_id = p.id and u.path like :scope))""";

    private final JdbcClient jdbc;
    private final OrgUnits orgUnits;
    private final Actors actors;
    private final Guard guard;
    private final ProgrammeFigures figures;
    private final MetadataAudit metadata;

    public Projects(JdbcClient jdbc, OrgUnits orgUnits, Actors actors, ProgrammeFigures figures, Guard guard,
                    MetadataAudit metadata) {
        this.guard = guard;
        this.jdbc = jdbc;
        this.orgUnits = orgUnits;
        this.actors = actors;
        this.figures = figures;
        this.metadata = metadata;
    }

    // ---------------------------------------------------------------- reading

    /** The project with this code, if the actor may see it. */
    public Optional<Project> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where p.code = :code and" + VISIBLE).param("code", code.strip().toUpperCase())
                .param("scope", scope()).query(this::map).optional().map(p -> withPlaces(List.of(p)).get(0));
    }

    /** The project with this code, or an error naming the code (also when it lies outside the actor's scope). */
    public Project require(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("Không có dự án mã '" + code + "'"
                + " trong phạm vi của tài khoản " + actors.current().username()));
    }

    /** The projects the actor may see that pass the filter, by code. */
    public List<Project> list(ProjectFilter f) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where").append(VISIBLE);
        Map<String, Object> params = new HashMap<>();
        params.put("scope", scope());
        if (f.placeCode() != null && !f.placeCode().isBlank()) {
            OrgUnit place = orgUnits.require(f.placeCode());
            sql.append(" ").append("""
                     and exists (select 1 from project_location l join org_unit u on u.id = l.org_unit_id
                                  where l.project_id = p.id and u.path like :place)""");
            params.put("place", place.path() + "%");
        }
        if (f.kind() != null) {
            sql.append(" and p.kind = :kind");
            params.put("kind", f.kind().name());
        }
        if (f.status() != null) {
            sql.append(" and p.status = :status");
            params.put("status", f.status().name());
        }
        if (f.source() != null) {
            sql.append(" and exists (select 1 from capital_allocation a where a.project_id = p.id and a.source = :source")
                    .append(f.year() == null ? ")" : " and a.plan_year = :year)");
            params.put("source", f.source().name());
        }
        if (f.year() != null) {
            sql.append(" ").append("""
                     and (exists (select 1 from capital_allocation a where a.project_id = p.id and a.plan_year = :year)
                          or (p.handed_over_on >= :yearStart and p.handed_over_on <= :yearEnd))""");
            params.put("year", f.year());
            params.put("yearStart", LocalDate.of(f.year(), 1, 1));
            params.put("yearEnd", LocalDate.of(f.year(), 12, 31));
        }
        sql.append(" order by p.code");
        return withPlaces(jdbc.sql(sql.toString()).params(params).query(this::map).list());
    }

    /** Every allocation of the project, by year and source. */
    public List<Allocation> allocations(String projectCode) {
        Project p = require(projectCode);
        return jdbc.sql("""
                        select plan_year, source, amount, decision, illustrative from capital_allocation
                         where project_id = :id order by plan_year, source""").param("id", p.id())
                .query((rs, i) -> new Allocation(p.code(), rs.getInt(1), CapitalSource.valueOf(rs.getString(2)),
                        Numbers.normal(rs.getBigDecimal(3)), rs.getString(4), rs.getBoolean(5))).list();
    }

    /** The project's disbursements, by date; of one plan year, or of every year when {@code year} is null. */
    public List<Disbursement> disbursements(String projectCode, Integer year) {
        Project p = require(projectCode);
        return jdbc.sql("""
                        select id, plan_year, source, paid_on, amount, note, illustrative, recorded_by, recorded_at
                          from disbursement where project_id = :id and (:year = 0 or plan_year = :year)
                         order by paid_on, id""").param("id", p.id()).param("year", year == null ? 0 : year)
                .query((rs, i) -> new Disbursement(rs.getLong(1), p.code(), rs.getInt(2),
                        CapitalSource.valueOf(rs.getString(3)), rs.getDate(4).toLocalDate(),
                        Numbers.normal(rs.getBigDecimal(5)), rs.getString(6), rs.getBoolean(7), rs.getString(8),
                        rs.getTimestamp(9).toInstant())).list();
    }

    /** One project's standing in the plan year at the date. */
    public ProjectProgress progress(String projectCode, int year, LocalDate asOf) {
        return progress(List.of(require(projectCode)), year, asOf).get(0);
    }

    /** The standing of each project in the plan year at the date, in the order given. */
    public List<ProjectProgress> progress(List<Project> projects, int year, LocalDate asOf) {
        if (projects.isEmpty()) {
            return List.of();
        }
        List<Long> ids = projects.stream().map(Project::id).toList();
        Map<Long, BigDecimal> allocated = sums("""
                select project_id, sum(amount) from capital_allocation
                 where plan_year = :year and project_id in (:ids) group by project_id""", year, asOf, ids);
        Map<Long, BigDecimal> disbursed = sums("""
                select project_id, sum(amount) from disbursement
                 where plan_year = :year and paid_on <= :asOf and project_id in (:ids) group by project_id""",
                year, asOf, ids);
        List<ProjectProgress> out = new ArrayList<>();
        for (Project p : projects) {
            BigDecimal a = allocated.getOrDefault(p.id(), BigDecimal.ZERO);
            BigDecimal d = disbursed.getOrDefault(p.id(), BigDecimal.ZERO);
            BigDecimal planned = Rates.planned(a, year, asOf);
            List<Delay> delays = new ArrayList<>();
            if (p.plannedCompletionOn() != null && p.plannedCompletionOn().isBefore(asOf) && !p.status().finished()) {
                delays.add(Delay.PAST_PLANNED_COMPLETION);
            }
            if (a.signum() > 0 && d.compareTo(planned) < 0) {
                delays.add(Delay.DISBURSEMENT_BEHIND_PLAN);
            }
            out.add(new ProjectProgress(p, year, asOf, Numbers.normal(a), Numbers.normal(d), planned, delays));
        }
        return out;
    }

    /**
     * The investment programme of a unit's subtree for the plan year at the date: projects with capital in the
     * year, totals and the split by source, the plan line, the projects behind schedule and the works handed over.
     */
    public Programme programme(String unitCode, int year, LocalDate asOf) {
        OrgUnit unit = orgUnits.require(unitCode);
        actors.checkCanSee(unit);
        List<Project> projects = list(new ProjectFilter(year, unit.code(), null, null, null)).stream()
                .filter(p -> hasAllocation(p, year)).toList();
        List<ProjectProgress> progress = progress(projects, year, asOf);
        Map<CapitalSource, BigDecimal[]> bySource = new EnumMap<>(CapitalSource.class);
        boolean illustrative = false;
        if (!projects.isEmpty()) {
            List<Long> ids = projects.stream().map(Project::id).toList();
            for (var row : jdbc.sql("""
                            select source, sum(amount), max(case when illustrative then 1 else 0 end)
                              from capital_allocation where plan_year = :year and project_id in (:ids) group by source""")
                    .param("year", year).param("ids", ids)
                    .query((rs, i) -> new Object[] {rs.getString(1), rs.getBigDecimal(2), rs.getInt(3)}).list()) {
                bySource.computeIfAbsent(CapitalSource.valueOf((String) row[0]), k -> zeros())[0] = (BigDecimal) row[1];
                illustrative |= ((Integer) row[2]) == 1;
            }
            for (var row : jdbc.sql("""
                            select source, sum(amount), max(case when illustrative then 1 else 0 end) from disbursement
                             where plan_year = :year and paid_on <= :asOf and project_id in (:ids) group by source""")
                    .param("year", year).param("asOf", asOf).param("ids", ids)
                    .query((rs, i) -> new Object[] {rs.getString(1), rs.getBigDecimal(2), rs.getInt(3)}).list()) {
                bySource.computeIfAbsent(CapitalSource.valueOf((String) row[0]), k -> zeros())[1] = (BigDecimal) row[1];
                illustrative |= ((Integer) row[2]) == 1;
            }
        }
        List<SourceTotal> sources = bySource.entrySet().stream()
                .map(e -> new SourceTotal(e.getKey(), Numbers.normal(e.getValue()[0]), Numbers.normal(e.getValue()[1])))
                .toList();
        BigDecimal allocated = progress.stream().map(ProjectProgress::allocated).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal disbursed = progress.stream().map(ProjectProgress::disbursed).reduce(BigDecimal.ZERO, BigDecimal::add);
        int handedOver = handedOver(unit.code(), year).stream()
                .filter(p -> !p.handedOverOn().isAfter(asOf)).toList().size();
        return new Programme(unit.code(), unit.name(), year, asOf, projects.size(), Numbers.normal(allocated),
                Numbers.normal(disbursed), Rates.planned(allocated, year, asOf), sources,
                progress.stream().filter(ProjectProgress::behindSchedule).toList(), handedOver, illustrative);
    }

    /** The works handed over in the year that lie in the unit's subtree (công trình bàn giao đưa vào sử dụng). */
    public List<Project> handedOver(String unitCode, int year) {
        return list(new ProjectFilter(year, unitCode, null, ProjectStatus.HANDED_OVER, null)).stream()
                .filter(p -> p.handedOverOn() != null && p.handedOverOn().getYear() == year).toList();
    }

    /** Cumulative disbursement month by month through the plan year against the plan line, for the projects. */
    public DisbursementCurve curve(List<Project> projects, int year, LocalDate asOf) {
        BigDecimal[] monthly = new BigDecimal[12];
        java.util.Arrays.fill(monthly, BigDecimal.ZERO);
        BigDecimal allocated = BigDecimal.ZERO;
        if (!projects.isEmpty()) {
            List<Long> ids = projects.stream().map(Project::id).toList();
            jdbc.sql("""
                            select extract(month from paid_on), sum(amount) from disbursement
                             where plan_year = :year and project_id in (:ids) and paid_on <= :asOf
                             group by extract(month from paid_on)""")
                    .param("year", year).param("ids", ids).param("asOf", asOf)
                    .query((rs, i) -> monthly[rs.getInt(1) - 1] = rs.getBigDecimal(2)).list();
            allocated = jdbc.sql("select coalesce(sum(amount), 0) from capital_allocation where plan_year = :year and project_id in (:ids)")
                    .param("year", year).param("ids", ids).query(BigDecimal.class).single();
        }
        List<BigDecimal> cumulative = new ArrayList<>();
        List<BigDecimal> plan = new ArrayList<>();
        BigDecimal running = BigDecimal.ZERO;
        for (int m = 1; m <= 12; m++) {
            LocalDate monthEnd = LocalDate.of(year, m, 1).plusMonths(1).minusDays(1);
            running = running.add(monthly[m - 1]);
            boolean reached = !LocalDate.of(year, m, 1).isAfter(asOf);
            cumulative.add(reached ? Numbers.normal(running) : null);
            plan.add(Numbers.normal(Numbers.round(Rates.planned(allocated, year, monthEnd), 3)));
        }
        return new DisbursementCurve(year, asOf, Numbers.normal(allocated), cumulative, plan);
    }

    /** The plan years that have capital allocated to a project the actor may see, latest first. */
    public List<Integer> years() {
        TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
        years.addAll(jdbc.sql("select distinct a.plan_year from capital_allocation a join project p on p.id = a.project_id"
                        + " join org_unit o on o.id = p.owner_unit_id where" + VISIBLE)
                .param("scope", scope()).query(Integer.class).list());
        return List.copyOf(years);
    }

    /** The audit trail of a project, newest first: "action — detail (who, when, from where)". */
    public List<String> history(String projectCode) {
        Project p = require(projectCode);
        return jdbc.sql("""
                        select action, detail, changed_by, changed_at, source from project_audit
                         where project_code = :code order by id desc""").param("code", p.code())
                .query((rs, i) -> rs.getString(1) + " — " + rs.getString(2) + " (" + rs.getString(3) + ", "
                        + rs.getTimestamp(4).toInstant() + ", " + rs.getString(5) + ")").list();
    }

    // ---------------------------------------------------------------- writing

    /** Creates a project; the actor must be a planner whose scope covers its unit and every commune of it. */
    @Transactional
    public Project create(ProjectDraft d, String user, Source source) {
        if (jdbc.sql("select count(*) from project where code = :code").param("code", d.code()).query(Integer.class).single() > 0) {
            throw new IllegalArgumentException("Mã dự án '" + d.code() + "' đã có");
        }
        OrgUnit owner = owner(d);
        List<OrgUnit> places = places(d, owner);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into project (code, name, kind, owner_unit_id, investor, total_investment, status, started_on,
                       planned_completion_on, completed_on, handed_over_on, illustrative, note, version, updated_by, updated_at)
                values (:code, :name, :kind, :owner, :investor, :total, :status, :started, :planned, :completed,
                       :handed, :ill, :note, 1, :user, :at)""")
                .params(columns(d, owner, user)).update(keys, "id");
        long id = keys.getKey().longValue();
        setPlaces(id, places);
        audit(d.code(), "CREATE", describe(d, places), user, source);
        figures.sync(owner, years(d.handedOverOn()), user, source);
        return require(d.code());
    }

    /** Updates a project; a stale {@code expectedVersion} is refused with who changed it last. */
    @Transactional
    public Project update(String code, ProjectDraft d, String user, Source source) {
        Project old = require(code);
        checkWrite(old);
        if (!old.code().equals(d.code())) {
            throw new IllegalArgumentException("Không đổi được mã dự án '" + old.code() + "' thành '" + d.code() + "'");
        }
        if (d.expectedVersion() != null && d.expectedVersion() != old.version()) {
            throw new ConflictException("Dự án " + old.code() + " vừa được " + old.updatedBy()
                    + " sửa; hãy tải lại trước khi lưu");
        }
        OrgUnit owner = owner(d);
        List<OrgUnit> places = places(d, owner);
        Map<String, Object> params = columns(d, owner, user);
        params.put("id", old.id());
        params.put("version", old.version());
        int n = jdbc.sql("""
                update project set name = :name, kind = :kind, owner_unit_id = :owner, investor = :investor,
                       total_investment = :total, status = :status, started_on = :started,
                       planned_completion_on = :planned, completed_on = :completed, handed_over_on = :handed,
                       illustrative = :ill, note = :note, version = version + 1, updated_by = :user, updated_at = :at
                 where id = :id and version = :version""").params(params).update();
        if (n == 0) {
            throw new ConflictException("Dự án " + old.code() + " vừa được người khác sửa; hãy tải lại trước khi lưu");
        }
        setPlaces(old.id(), places);
        audit(old.code(), "UPDATE", describe(d, places), user, source);
        OrgUnit oldOwner = orgUnits.require(old.ownerUnitCode());
        TreeSet<Integer> years = new TreeSet<>(years(old.handedOverOn()));
        years.addAll(years(d.handedOverOn()));
        years.addAll(allocationYears(old.id()));
        figures.sync(owner, years, user, source);
        if (oldOwner.id() != owner.id()) {
            figures.sync(oldOwner, years, user, source);
        }
        return require(code);
    }

    /** Sets (creates or changes) the project's capital for a year and source; never below what is disbursed. */
    @Transactional
    public Allocation allocate(Allocation a, String user, Source source) {
        Project p = require(a.projectCode());
        checkWrite(p);
        BigDecimal disbursed = disbursed(p.id(), a.year(), a.source(), null);
        if (a.amount().compareTo(disbursed) < 0) {
            throw new IllegalArgumentException("Dự án " + p.code() + ": vốn " + a.source().label() + " năm " + a.year()
                    + " không thể giảm xuống " + money(a.amount()) + " vì đã giải ngân " + money(disbursed));
        }
        Map<String, Object> params = Map.of("id", p.id(), "year", a.year(), "source", a.source().name(),
                "amount", a.amount(), "ill", a.illustrative(), "user", user, "at", now());
        int n = jdbc.sql("""
                update capital_allocation set amount = :amount, decision = :decision, illustrative = :ill,
                       updated_by = :user, updated_at = :at
                 where project_id = :id and plan_year = :year and source = :source""")
                .params(params).param("decision", a.decision()).update();
        if (n == 0) {
            jdbc.sql("""
                    insert into capital_allocation (project_id, plan_year, source, amount, decision, illustrative,
                           updated_by, updated_at)
                    values (:id, :year, :source, :amount, :decision, :ill, :user, :at)""")
                    .params(params).param("decision", a.decision()).update();
        }
        audit(p.code(), "ALLOCATE", "năm " + a.year() + ", " + a.source().label() + ": " + money(a.amount())
                + (a.decision() == null ? "" : " (" + a.decision() + ")"), user, source);
        return a;
    }

    /**
     * Records a disbursement. Refused, with nothing stored, when the project has no capital of that year and source
     * or when the amount is larger than what remains of it.
     */
    @Transactional
    public Disbursement disburse(DisbursementDraft d, String user, Source source) {
        Project p = require(d.projectCode());
        checkWrite(p);
        BigDecimal allocated = jdbc.sql("""
                        select amount from capital_allocation where project_id = :id and plan_year = :year and source = :source""")
                .param("id", p.id()).param("year", d.year()).param("source", d.source().name())
                .query(BigDecimal.class).optional().orElse(null);
        if (allocated == null) {
            throw new IllegalArgumentException("Dự án " + p.code() + " chưa được giao vốn " + d.source().label()
                    + " năm " + d.year() + ": chưa giải ngân được");
        }
        BigDecimal disbursed = disbursed(p.id(), d.year(), d.source(), null);
        BigDecimal remaining = allocated.subtract(disbursed);
        if (d.amount().compareTo(remaining) > 0) {
            throw new IllegalArgumentException("Dự án " + p.code() + ": số tiền giải ngân " + money(d.amount())
                    + " vượt số vốn " + d.source().label() + " năm " + d.year() + " còn lại " + money(remaining)
                    + " (đã giao " + money(allocated) + ", đã giải ngân " + money(disbursed) + ")");
        }
        Instant at = Instant.now();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into disbursement (project_id, plan_year, source, paid_on, amount, note, illustrative,
                       recorded_by, recorded_at)
                values (:id, :year, :source, :paid, :amount, :note, :ill, :user, :at)""")
                .param("id", p.id()).param("year", d.year()).param("source", d.source().name())
                .param("paid", d.paidOn()).param("amount", d.amount()).param("note", d.note())
                .param("ill", d.illustrative()).param("user", user).param("at", at.atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        audit(p.code(), "DISBURSE", Numbers.vi().date(d.paidOn()) + ", " + d.source().label() + " năm " + d.year()
                + ": " + money(d.amount()), user, source);
        figures.sync(orgUnits.require(p.ownerUnitCode()), List.of(d.year()), user, source);
        return new Disbursement(keys.getKey().longValue(), p.code(), d.year(), d.source(), d.paidOn(),
                Numbers.normal(d.amount()), d.note(), d.illustrative(), user, at);
    }

    /** Removes a disbursement recorded by mistake, keeping the removal in the project's history. */
    @Transactional
    public void cancelDisbursement(String projectCode, long disbursementId, String user, Source source) {
        Project p = require(projectCode);
        checkWrite(p);
        Disbursement d = disbursements(p.code(), null).stream().filter(x -> x.id() == disbursementId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Dự án " + p.code() + " không có lần giải ngân số "
                        + disbursementId));
        jdbc.sql("delete from disbursement where id = :id").param("id", d.id()).update();
        audit(p.code(), "CANCEL_DISBURSEMENT", Numbers.vi().date(d.paidOn()) + ", " + d.source().label() + ": "
                + money(d.amount()), user, source);
        figures.sync(orgUnits.require(p.ownerUnitCode()), List.of(d.year()), user, source);
    }

    /** Whether the actor may change this project (planner, scope over its unit and every commune of it). */
    public boolean canWrite(Project p) {
        try {
            checkWrite(p);
            return true;
        } catch (OutOfScopeException e) {
            return false;
        }
    }

    /** Amounts as the register prints them: "1.250 triệu đồng". */
    public static String money(BigDecimal amount) {
        return Numbers.vi().format(Numbers.normal(amount)) + " triệu đồng";
    }

    // ---------------------------------------------------------------- internals

    private void checkWrite(Project p) {
        guard.checkWrite(Resource.PROJECT, orgUnits.require(p.ownerUnitCode()).place());
        for (Place place : p.places()) {
            guard.checkWrite(Resource.PROJECT, orgUnits.require(place.code()).place());
        }
    }

    private OrgUnit owner(ProjectDraft d) {
        OrgUnit owner = orgUnits.find(d.ownerUnitCode()).orElseThrow(() -> new IllegalArgumentException(
                "Dự án " + d.code() + ": không có đơn vị quản lý mã '" + d.ownerUnitCode() + "'"));
        guard.checkWrite(Resource.PROJECT, owner.place());
        return owner;
    }

    private List<OrgUnit> places(ProjectDraft d, OrgUnit owner) {
        List<OrgUnit> places = new ArrayList<>();
        for (String code : d.placeCodes()) {
            OrgUnit u;
            try {
                u = orgUnits.require(code);
            } catch (UnknownOrgUnitException e) {
                throw new IllegalArgumentException("Dự án " + d.code() + ": không có xã mã '" + code + "' (địa điểm xây dựng)");
            }
            if (u.kind() == OrgUnitKind.AGENCY) {
                throw new IllegalArgumentException("Dự án " + d.code() + ": '" + code + "' là cơ quan (" + u.name()
                        + "), không phải địa bàn xây dựng");
            }
            guard.checkWrite(Resource.PROJECT, u.place());
            if (!owner.covers(u)) {
                throw new IllegalArgumentException("Dự án " + d.code() + ": " + u.name() + " không thuộc " + owner.name()
                        + " (đơn vị quản lý dự án)");
            }
            places.add(u);
        }
        return places;
    }

    private void setPlaces(long projectId, List<OrgUnit> places) {
        jdbc.sql("delete from project_location where project_id = :id").param("id", projectId).update();
        for (OrgUnit u : places) {
            jdbc.sql("insert into project_location (project_id, org_unit_id) values (:id, :unit)")
                    .param("id", projectId).param("unit", u.id()).update();
        }
    }

    private Map<String, Object> columns(ProjectDraft d, OrgUnit owner, String user) {
        Map<String, Object> m = new HashMap<>();
        m.put("code", d.code());
        m.put("name", d.name());
        m.put("kind", d.kind().name());
        m.put("owner", owner.id());
        m.put("investor", d.investor());
        m.put("total", d.totalInvestment());
        m.put("status", d.status().name());
        m.put("started", d.startedOn());
        m.put("planned", d.plannedCompletionOn());
        m.put("completed", d.completedOn());
        m.put("handed", d.handedOverOn());
        m.put("ill", d.illustrative());
        m.put("note", d.note());
        m.put("user", user);
        m.put("at", now());
        return m;
    }

    private boolean hasAllocation(Project p, int year) {
        return jdbc.sql("select count(*) from capital_allocation where project_id = :id and plan_year = :year")
                .param("id", p.id()).param("year", year).query(Integer.class).single() > 0;
    }

    private List<Integer> allocationYears(long projectId) {
        return jdbc.sql("select distinct plan_year from capital_allocation where project_id = :id")
                .param("id", projectId).query(Integer.class).list();
    }

    private static List<Integer> years(LocalDate date) {
        return date == null ? List.of() : List.of(date.getYear());
    }

    private BigDecimal disbursed(long projectId, int year, CapitalSource source, LocalDate asOf) {
        return jdbc.sql("""
                        select coalesce(sum(amount), 0) from disbursement
                         where project_id = :id and plan_year = :year and source = :source and paid_on <= :asOf""")
                .param("id", projectId).param("year", year).param("source", source.name())
                .param("asOf", asOf == null ? LocalDate.of(9999, 12, 31) : asOf).query(BigDecimal.class).single();
    }

    private Map<Long, BigDecimal> sums(String sql, int year, LocalDate asOf, Collection<Long> ids) {
        Map<Long, BigDecimal> out = new HashMap<>();
        jdbc.sql(sql).param("year", year).param("asOf", asOf).param("ids", ids)
                .query((rs, i) -> out.put(rs.getLong(1), rs.getBigDecimal(2))).list();
        return out;
    }

    private String scope() {
        Actor a = actors.current();
        return a.scopePath() + "%";
    }

    /**
     * Keeps the change in the project's own history and in the metadata trail (under the project's unit), where an
     * update shows the project as it was described before.
     */
    private void audit(String code, String action, String detail, String user, Source source) {
        String before = !action.equals("UPDATE") ? null : jdbc.sql("""
                        select detail from project_audit where project_code = :code and action in ('CREATE', 'UPDATE')
                         order by id desc fetch first 1 rows only""")
                .param("code", code).query(String.class).optional().orElse(null);
        Map<String, Object> project = jdbc.sql("select owner_unit_id, name from project where code = :code")
                .param("code", code).query().singleRow();
        String label = switch (action) {
            case "CREATE" -> "Tạo dự án";
            case "UPDATE" -> "Sửa dự án";
            case "ALLOCATE" -> "Giao vốn";
            case "DISBURSE" -> "Giải ngân";
            case "CANCEL_DISBURSEMENT" -> "Hủy giải ngân";
            default -> action;
        };
        metadata.record(new MetadataChange(Area.PROJECT, label, ((Number) project.get("owner_unit_id")).longValue(),
                null, code, (String) project.get("name"), before, detail, user, source));
        jdbc.sql("""
                insert into project_audit (project_code, action, detail, changed_by, changed_at, source)
                values (:code, :action, :detail, :user, :at, :source)""")
                .param("code", code).param("action", action)
                .param("detail", detail.length() > 2000 ? detail.substring(0, 2000) : detail)
                .param("user", user).param("at", now()).param("source", source.name()).update();
    }

    private static String describe(ProjectDraft d, List<OrgUnit> places) {
        return d.name() + "; " + d.kind().label() + "; " + d.status().label() + "; địa điểm: "
                + String.join(", ", places.stream().map(OrgUnit::code).toList());
    }

    private static java.time.OffsetDateTime now() {
        return Instant.now().atOffset(ZoneOffset.UTC);
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO};
    }

    private List<Project> withPlaces(List<Project> projects) {
        if (projects.isEmpty()) {
            return projects;
        }
        Map<Long, List<Place>> places = new HashMap<>();
        jdbc.sql("""
                        select l.project_id, u.code, u.name from project_location l join org_unit u on u.id = l.org_unit_id
                         where l.project_id in (:ids)""")
                .param("ids", projects.stream().map(Project::id).toList())
                .query((rs, i) -> places.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Place(rs.getString(2), rs.getString(3)))).list();
        Collator vi = Collator.getInstance(Locale.forLanguageTag("vi"));
        Map<Long, Project> out = new LinkedHashMap<>();
        for (Project p : projects) {
            List<Place> ps = new ArrayList<>(places.getOrDefault(p.id(), List.of()));
            ps.sort(Comparator.comparing(Place::name, vi));
            out.put(p.id(), new Project(p.id(), p.code(), p.name(), p.kind(), p.ownerUnitCode(), p.ownerUnitName(), ps,
                    p.investor(), p.totalInvestment(), p.status(), p.startedOn(), p.plannedCompletionOn(),
                    p.completedOn(), p.handedOverOn(), p.illustrative(), p.note(), p.version(), p.updatedBy(),
                    p.updatedAt()));
        }
        return List.copyOf(out.values());
    }

    private Project map(ResultSet rs, int row) throws SQLException {
        BigDecimal total = rs.getBigDecimal("total_investment");
        Timestamp at = rs.getTimestamp("updated_at");
        return new Project(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                ProjectKind.valueOf(rs.getString("kind")), rs.getString("owner_code"), rs.getString("owner_name"),
                List.of(), rs.getString("investor"), Numbers.normal(total), ProjectStatus.valueOf(rs.getString("status")),
                date(rs, "started_on"), date(rs, "planned_completion_on"), date(rs, "completed_on"),
                date(rs, "handed_over_on"), rs.getBoolean("illustrative"), rs.getString("note"), rs.getInt("version"),
                rs.getString("updated_by"), at == null ? null : at.toInstant());
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
