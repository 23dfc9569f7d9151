package vn.kehoach.target;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.kehoach.access.Guard;
import vn.kehoach.access.Resource;
import vn.kehoach.audit.Source;
import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.Figure;
import vn.kehoach.catalog.Polarity;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.period.PeriodType;
import vn.kehoach.period.Periods;
import vn.kehoach.target.spi.TargetLock;

/** Stores and finds plan targets; every change is audited. */
@Service
public class Targets {

    private static final String SELECT = """
            select t.figure_code, u.code as unit_code, p.iso, t.issuer, t.direction, t.basis, t.amount, t.amount_high,
                   t.status, t.decision, t.wording, t.note, t.illustrative
              from target t
              join org_unit u on u.id = t.org_unit_id
              join period p on p.id = t.period_id
            """;

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final OrgUnits orgUnits;
    private final Periods periods;
    private final Guard guard;
    private final ObjectProvider<TargetLock> locks;

    public Targets(JdbcClient jdbc, Catalog catalog, OrgUnits orgUnits, Periods periods, Guard guard,
                   ObjectProvider<TargetLock> locks) {
        this.guard = guard;
        this.locks = locks;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.orgUnits = orgUnits;
        this.periods = periods;
    }

    /**
     * Creates or replaces the target of this figure, unit, period and issuer. A proposal (PROPOSED, replacing nothing
     * or a proposal) is written by whoever may propose for the unit (its reporters too); any other target by its
     * planners. A target adopted by a resolution ({@link TargetVersions#adopt}) is refused: it changes only by an
     * adjustment; so is one that a {@link TargetLock} holds (a submitted proposal).
     */
    @Transactional
    public Target save(Target t, String user, Source source) {
        Figure figure = catalog.figure(t.figureCode());
        OrgUnit unit = orgUnits.require(t.orgUnitCode());
        Optional<Target> old = find(figure.code(), unit.code(), t.period(), t.issuer());
        guard.checkWrite(resourceOf(t, old.orElse(null)), unit.place());
        long periodId = periods.idOf(t.period());
        Map<String, Object> params = new HashMap<>();
        params.put("figure", figure.code());
        params.put("unit", unit.id());
        params.put("period", periodId);
        params.put("issuer", t.issuer().name());
        params.put("direction", t.direction().name());
        params.put("basis", t.basis().name());
        params.put("value", t.value());
        params.put("high", t.valueHigh());
        params.put("status", t.status().name());
        params.put("decision", t.decision());
        params.put("wording", t.wording());
        params.put("note", t.note());
        params.put("ill", t.illustrative());
        params.put("user", user);
        params.put("at", Instant.now().atOffset(ZoneOffset.UTC));
        if (old.isPresent() && old.get().equals(normalised(t, figure, unit))) {
            return old.get();
        }
        checkUnlocked(old.orElse(null), t, unit);
        // "on conflict do nothing": a target created by someone else since the read is replaced, as a target always is,
        // instead of a duplicate-key error that aborts the transaction.
        boolean created = old.isEmpty() && jdbc.sql("""
                insert into target (figure_code, org_unit_id, period_id, issuer, direction, basis, amount, amount_high,
                       status, decision, wording, note, illustrative, version, updated_by, updated_at)
                values (:figure, :unit, :period, :issuer, :direction, :basis, :value, :high, :status, :decision,
                       :wording, :note, :ill, 1, :user, :at)
                on conflict do nothing""").params(params).update() == 1;
        if (!created) {
            if (old.isEmpty()) {
                old = find(figure.code(), unit.code(), t.period(), t.issuer());
            }
            jdbc.sql("""
                    update target set direction = :direction, basis = :basis, amount = :value, amount_high = :high,
                           status = :status, decision = :decision, wording = :wording, note = :note,
                           illustrative = :ill, version = version + 1, updated_by = :user, updated_at = :at
                     where figure_code = :figure and org_unit_id = :unit and period_id = :period and issuer = :issuer""")
                    .params(params).update();
        }
        params.put("action", old.isPresent() ? "UPDATE" : "CREATE");
        params.put("old", old.map(Targets::describe).orElse(null));
        params.put("new", describe(t));
        params.put("source", source.name());
        jdbc.sql("""
                insert into target_audit (figure_code, org_unit_id, period_id, issuer, action, old_value, new_value,
                       changed_by, changed_at, source)
                values (:figure, :unit, :period, :issuer, :action, :old, :new, :user, :at, :source)""")
                .params(params).update();
        return find(figure.code(), unit.code(), t.period(), t.issuer()).orElseThrow();
    }

    /**
     * Deletes the target of this figure, unit, period and issuer, keeping its last value in the audit trail; a
     * target that does not exist is refused as not found.
     */
    @Transactional
    public Target delete(String figureCode, String orgUnitCode, Period period, Issuer issuer, String user,
                         Source source) {
        OrgUnit unit = orgUnits.require(orgUnitCode);
        Optional<Target> found = find(figureCode, unit.code(), period, issuer);
        guard.checkWrite(found.map(t -> resourceOf(t, t)).orElse(Resource.TARGET), unit.place());
        Target old = found.orElseThrow(() -> new TargetNotFoundException(
                "Không có chỉ tiêu " + figureCode.toUpperCase() + " của " + unit.name() + " kỳ " + period.id()
                        + " do " + issuer.label()));
        checkUnlocked(old, null, unit);
        long periodId = periods.idOf(period);
        jdbc.sql("""
                delete from target
                 where figure_code = :figure and org_unit_id = :unit and period_id = :period and issuer = :issuer""")
                .param("figure", old.figureCode()).param("unit", unit.id()).param("period", periodId)
                .param("issuer", issuer.name()).update();
        jdbc.sql("""
                insert into target_audit (figure_code, org_unit_id, period_id, issuer, action, old_value, new_value,
                       changed_by, changed_at, source)
                values (:figure, :unit, :period, :issuer, 'DELETE', :old, null, :user, :at, :source)""")
                .param("figure", old.figureCode()).param("unit", unit.id()).param("period", periodId)
                .param("issuer", issuer.name()).param("old", describe(old)).param("user", user)
                .param("at", Instant.now().atOffset(ZoneOffset.UTC)).param("source", source.name()).update();
        return old;
    }

    /**
     * Reads a target as typed or sent, naming the field of the first thing wrong (as a {@link TargetInputException}):
     * an unknown figure or unit, a bad period, issuer, direction, basis or status, a number that is not one or cannot
     * be stored, a range without its upper end. {@code numbers} reads the numbers: {@code Numbers.vi()::parse} for what
     * a person types ("7.220", "8,5"), {@code Numbers::parseMachine} for what a system sends ("7220", "8.5"). Without
     * an issuer the target gets the council of the unit's own level; a unit whose kind has none must name it.
     */
    public Target read(TargetInput in, Function<String, BigDecimal> numbers) {
        String figureCode = required(in.figureCode(), "figureCode", "mã chỉ tiêu");
        Figure figure = catalog.findFigure(figureCode).orElseThrow(() -> new TargetInputException("figureCode",
                figureCode, "Không có chỉ tiêu mã '" + figureCode + "' (figureCode)"));
        String unitCode = required(in.orgUnitCode(), "orgUnitCode", "mã đơn vị");
        OrgUnit unit = orgUnits.find(unitCode).orElseThrow(() -> new TargetInputException("orgUnitCode", unitCode,
                "Không có đơn vị mã '" + unitCode + "' (orgUnitCode)"));
        String periodText = required(in.period(), "period", "kỳ (năm kế hoạch)");
        Period period;
        try {
            period = Period.parse(periodText.strip());
        } catch (IllegalArgumentException e) {
            throw new TargetInputException("period", periodText, e.getMessage());
        }
        Issuer issuer;
        if (in.issuer() == null || in.issuer().isBlank()) {
            issuer = Issuer.defaultFor(unit.kind()).orElseThrow(() -> new TargetInputException("issuer", null,
                    "Thiếu cấp giao (issuer): " + unit.name() + " không có cấp giao mặc định; dùng một trong "
                            + java.util.Arrays.toString(Issuer.values())));
        } else {
            issuer = field("issuer", in.issuer(), Issuer::parse);
        }
        Basis basis = field("basis", in.basis(), t -> {
            try {
                return Basis.parse(t);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cách giao '" + t + "' không có; dùng một trong "
                        + java.util.Arrays.toString(Basis.values()));
            }
        });
        // A level of a figure where lower is better (the poverty rate) is a ceiling unless the input says otherwise:
        // "tỷ lệ hộ nghèo 18%" is read as at most 18%, as officers mean it.
        Direction direction = (in.direction() == null || in.direction().isBlank())
                && figure.polarity() == Polarity.LOWER_IS_BETTER && basis == Basis.LEVEL
                ? Direction.AT_MOST : field("direction", in.direction(), Direction::parse);
        TargetStatus status = field("status", in.status(), t -> {
            try {
                return TargetStatus.parse(t);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("trạng thái '" + t + "' không có; dùng một trong "
                        + java.util.Arrays.toString(TargetStatus.values()));
            }
        });
        BigDecimal value = number("value", required(in.value(), "value", "giá trị chỉ tiêu"), numbers);
        BigDecimal high = in.valueHigh() == null || in.valueHigh().isBlank() ? null
                : number("valueHigh", in.valueHigh(), numbers);
        if (direction == Direction.RANGE && high == null) {
            throw new TargetInputException("valueHigh", null, "Chỉ tiêu dạng khoảng (RANGE) cần giá trị trên (valueHigh)");
        }
        if (direction != Direction.RANGE && high != null) {
            throw new TargetInputException("valueHigh", in.valueHigh(),
                    "Giá trị trên (valueHigh) chỉ dùng cho chỉ tiêu dạng khoảng (direction RANGE)");
        }
        if (high != null && high.compareTo(value) < 0) {
            throw new TargetInputException("valueHigh", in.valueHigh(),
                    "Giá trị trên (valueHigh) nhỏ hơn giá trị dưới (value)");
        }
        return new Target(figure.code(), unit.code(), period, issuer, direction, basis, value, high, status,
                blankToNull(in.decision()), blankToNull(in.wording()), blankToNull(in.note()),
                Boolean.TRUE.equals(in.illustrative()));
    }

    /** A proposal that replaces nothing or a proposal is the unit's own to write; anything else is a target. */
    private static Resource resourceOf(Target wanted, Target stored) {
        return wanted.status() == TargetStatus.PROPOSED && (stored == null || stored.status() == TargetStatus.PROPOSED)
                ? Resource.PROPOSAL : Resource.TARGET;
    }

    private void checkUnlocked(Target stored, Target wanted, OrgUnit unit) {
        List<TargetVersion> adopted = stored == null ? List.of()
                : versions(stored.figureCode(), unit, stored.period(), stored.issuer());
        if (!adopted.isEmpty()) {
            TargetVersion first = adopted.get(0);
            throw new TargetLockedException("Chỉ tiêu " + stored.figureCode() + " của " + unit.name() + " kỳ "
                    + stored.period().id() + " (" + stored.issuer().label() + ") đã được thông qua theo "
                    + first.decision() + ": không sửa, không xóa được; muốn thay đổi phải điều chỉnh kế hoạch "
                    + "(kehoach plan adjust) với quyết định điều chỉnh và ngày có hiệu lực");
        }
        for (TargetLock lock : locks) {
            Optional<String> why = lock.lockedBecause(stored, wanted);
            if (why.isPresent()) {
                throw new TargetLockedException(why.get());
            }
        }
    }

    /**
     * The versions of a target adopted by a resolution (TargetVersions#adopt) and adjusted since, oldest first;
     * empty for a target that was never adopted that way (set or loaded as adopted, which stays editable).
     */
    public List<TargetVersion> versions(String figureCode, OrgUnit unit, Period period, Issuer issuer) {
        return jdbc.sql("""
                        select v.version, v.direction, v.amount, v.amount_high, v.decision, v.effective_from,
                               v.recorded_by, v.recorded_at
                          from target_version v join period p on p.id = v.period_id
                         where v.figure_code = :f and v.org_unit_id = :u and p.iso = :p and v.issuer = :i
                         order by v.version""")
                .param("f", figureCode.toUpperCase()).param("u", unit.id()).param("p", period.id())
                .param("i", issuer.name())
                .query((rs, n) -> new TargetVersion(rs.getInt("version"), Direction.valueOf(rs.getString("direction")),
                        Numbers.normal(rs.getBigDecimal("amount")), Numbers.normal(rs.getBigDecimal("amount_high")),
                        rs.getString("decision"), rs.getObject("effective_from", LocalDate.class),
                        rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    /**
     * The target as it stood on the day: the version in force then (the latest that took effect on or before it; the
     * adopted one before its first adjustment, also for a day before the adoption). A target without versions is the
     * same on every day. An adjusted version's decision names the adjustment: "Nghị quyết số 45/NQ-HĐND … (điều chỉnh
     * theo Nghị quyết số 20/NQ-HĐND …)".
     */
    public Target inForce(Target t, OrgUnit unit, LocalDate day) {
        List<TargetVersion> all = versions(t.figureCode(), unit, t.period(), t.issuer());
        if (all.isEmpty()) {
            return t;
        }
        TargetVersion v = all.get(0);
        for (TargetVersion candidate : all) {
            if (!candidate.effectiveFrom().isAfter(day)) {
                v = candidate;
            }
        }
        return new Target(t.figureCode(), t.orgUnitCode(), t.period(), t.issuer(), v.direction(), t.basis(), v.value(),
                v.valueHigh(), TargetStatus.ADOPTED, TargetVersion.decisionOf(all.get(0), v), t.wording(), t.note(),
                t.illustrative());
    }

    private static String required(String text, String field, String what) {
        if (text == null || text.isBlank()) {
            throw new TargetInputException(field, null, "Thiếu " + what + " (" + field + ")");
        }
        return text.strip();
    }

    private static <T> T field(String field, String text, Function<String, T> parse) {
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            throw new TargetInputException(field, text, capitalised(e.getMessage()) + " (" + field + ")");
        }
    }

    private static BigDecimal number(String field, String text, Function<String, BigDecimal> numbers) {
        BigDecimal n = numbers.apply(text);
        if (n == null) {
            throw new TargetInputException(field, text, "'" + text + "' không phải là số (" + field + ")");
        }
        String unstorable = Numbers.unstorable(n);
        if (unstorable != null) {
            throw new TargetInputException(field, text, "'" + text + "': " + unstorable + " (" + field + ")");
        }
        return n;
    }

    private static String capitalised(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Optional<Target> find(String figureCode, String orgUnitCode, Period period, Issuer issuer) {
        return jdbc.sql(SELECT + " where t.figure_code = :f and u.code = :u and p.iso = :p and t.issuer = :i")
                .param("f", figureCode.toUpperCase()).param("u", orgUnitCode.toUpperCase()).param("p", period.id())
                .param("i", issuer.name()).query(Targets::map).optional();
    }

    /** Targets filtered by any of unit, period and figure. */
    public List<Target> list(OrgUnit unit, Period period, String figureCode) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (unit != null) {
            sql.append(" and u.id = :unit");
            params.put("unit", unit.id());
        }
        if (period != null) {
            sql.append(" and p.iso = :period");
            params.put("period", period.id());
        }
        if (figureCode != null) {
            sql.append(" and t.figure_code = :figure");
            params.put("figure", figureCode.toUpperCase());
        }
        sql.append(" order by u.path, p.start_date, t.figure_code, t.issuer");
        return jdbc.sql(sql.toString()).params(params).query(Targets::map).list();
    }

    /** The targets for exactly this period of the units directly below the unit (in force or not). */
    public List<Target> ofUnitsBelow(OrgUnit parent, Period period) {
        return jdbc.sql(SELECT + """
                         where u.parent_id = :parent and p.iso = :period
                         order by u.path, t.figure_code, t.issuer""")
                .param("parent", parent.id()).param("period", period.id()).query(Targets::map).list();
    }

    /** Targets of every unit of the subtree, filtered by any of period and figure. */
    public List<Target> listInSubtree(OrgUnit root, Period period, String figureCode) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where u.path like :prefix");
        Map<String, Object> params = new HashMap<>();
        params.put("prefix", root.path() + "%");
        if (period != null) {
            sql.append(" and p.iso = :period");
            params.put("period", period.id());
        }
        if (figureCode != null) {
            sql.append(" and t.figure_code = :figure");
            params.put("figure", figureCode.toUpperCase());
        }
        sql.append(" order by u.path, p.start_date, t.figure_code, t.issuer");
        return jdbc.sql(sql.toString()).params(params).query(Targets::map).list();
    }

    /**
     * The targets that a figure of this unit is measured against for this period: those set for a period that
     * contains it, the most specific per figure and issuer (a target for 2021S1 before the one for 2021).
     */
    public List<Target> applicable(OrgUnit unit, Period period) {
        return applicable(unit, period, null);
    }

    /**
     * The targets that a figure of this unit is measured against for this period, each in the version in force on the
     * day of {@code asOf} (Viet Nam time; null: the latest version, as stored).
     */
    public List<Target> applicable(OrgUnit unit, Period period, Instant asOf) {
        List<Target> all = jdbc.sql(SELECT + """
                         where t.org_unit_id = :unit and p.start_date <= :start and p.end_date >= :end""")
                .param("unit", unit.id()).param("start", period.start()).param("end", period.end())
                .query(Targets::map).list();
        return applicable(all, unit, period, asOf);
    }

    /**
     * The targets each of the units is measured against for the period, by unit code, as
     * {@link #applicable(OrgUnit, Period, Instant)} gives them for one unit: read in one query per thousand units, so
     * that the comparisons of a province's communes do not ask once per commune.
     */
    public Map<String, List<Target>> applicable(List<OrgUnit> units, Period period, Instant asOf) {
        Map<String, List<Target>> byUnit = new HashMap<>();
        for (int from = 0; from < units.size(); from += 1000) {
            List<Long> ids = units.subList(from, Math.min(units.size(), from + 1000)).stream().map(OrgUnit::id).toList();
            jdbc.sql(SELECT + """
                             where t.org_unit_id in (:units) and p.start_date <= :start and p.end_date >= :end""")
                    .param("units", ids).param("start", period.start()).param("end", period.end())
                    .query(Targets::map).list()
                    .forEach(t -> byUnit.computeIfAbsent(t.orgUnitCode(), k -> new java.util.ArrayList<>()).add(t));
        }
        Map<String, List<Target>> out = new HashMap<>();
        for (OrgUnit u : units) {
            out.put(u.code(), applicable(byUnit.getOrDefault(u.code(), List.of()), u, period, asOf));
        }
        return out;
    }

    private List<Target> applicable(List<Target> stored, OrgUnit unit, Period period, Instant asOf) {
        List<Target> all = stored.stream()
                // A five-year target is measured at the end of its plan (FiveYearPlans), not as the plan of one year;
                // and only targets of the same calendar (seasons, calendar periods) measure a period.
                .filter(t -> t.period().contains(period))
                .filter(t -> t.period().type() != PeriodType.FIVE_YEARLY || period.type() == PeriodType.FIVE_YEARLY)
                .toList();
        Map<String, Target> best = new LinkedHashMap<>();
        for (Target t : all) {
            best.merge(t.figureCode() + "|" + t.issuer(), t,
                    (a, b) -> a.period().months() <= b.period().months() ? a : b);
        }
        LocalDate day = asOf == null ? null : asOf.atZone(Numbers.VIETNAM).toLocalDate();
        return best.values().stream().sorted(Comparator.comparing(Target::figureCode)
                .thenComparing(Target::issuer)).map(t -> day == null ? t : inForce(t, unit, day)).toList();
    }

    /** Distinct periods that have targets for units of the subtree. */
    public List<Period> periodsWithTargets(OrgUnit root) {
        return jdbc.sql("""
                        select distinct p.iso from target t join period p on p.id = t.period_id
                          join org_unit u on u.id = t.org_unit_id where u.path like :prefix""")
                .param("prefix", root.path() + "%").query(String.class).list().stream().map(Period::parse).sorted()
                .toList();
    }

    public int count() {
        return jdbc.sql("select count(*) from target").query(Integer.class).single();
    }

    private static Target normalised(Target t, Figure figure, OrgUnit unit) {
        return new Target(figure.code(), unit.code(), t.period(), t.issuer(), t.direction(), t.basis(),
                Numbers.normal(t.value()), Numbers.normal(t.valueHigh()), t.status(), t.decision(), t.wording(), t.note(), t.illustrative());
    }

    static String describe(Target t) {
        return t.direction().symbol() + " " + Numbers.machine(t.value())
                + (t.valueHigh() == null ? "" : " – " + Numbers.machine(t.valueHigh()))
                + (t.basis() == Basis.LEVEL ? "" : " (" + t.basis() + ")");
    }

    private static Target map(ResultSet rs, int row) throws SQLException {
        return new Target(rs.getString("figure_code"), rs.getString("unit_code"), Period.parse(rs.getString("iso")),
                Issuer.valueOf(rs.getString("issuer")), Direction.valueOf(rs.getString("direction")),
                Basis.valueOf(rs.getString("basis")), Numbers.normal(rs.getBigDecimal("amount")),
                Numbers.normal(rs.getBigDecimal("amount_high")),
                TargetStatus.valueOf(rs.getString("status")), rs.getString("decision"), rs.getString("wording"),
                rs.getString("note"), rs.getBoolean("illustrative"));
    }
}
