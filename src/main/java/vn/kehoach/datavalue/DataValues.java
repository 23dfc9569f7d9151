package vn.kehoach.datavalue;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.kehoach.access.Guard;
import vn.kehoach.access.Resource;
import vn.kehoach.audit.Source;
import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.DataElement;
import vn.kehoach.catalog.ValueType;
import vn.kehoach.datavalue.spi.EntryLock;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.period.Periods;

/**
 * Stores and reads data values; every write leaves its trace in the audit trail. Every write, whatever its channel
 * (page, API, import), is checked here: the acting user must cover the unit and hold a role that enters data, and
 * no {@link EntryLock} may hold the value (a submitted or approved form).
 */
@Service
public class DataValues {

    /** The roles that enter data: reporters for their unit, planners and administrators for their subtree. */

    private static final String SELECT = """
            select e.code as element_code, u.code as unit_code, p.iso, v.kind, v.amount, v.comment, v.illustrative,
                   v.version, v.updated_by, v.updated_at, v.reported_at
              from data_value v
              join data_element e on e.id = v.element_id
              join org_unit u on u.id = v.org_unit_id
              join period p on p.id = v.period_id
            """;

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final OrgUnits orgUnits;
    private final Periods periods;
    private final ApplicationEventPublisher events;
    private final Guard guard;
    private final ObjectProvider<EntryLock> locks;

    public DataValues(JdbcClient jdbc, Catalog catalog, OrgUnits orgUnits, Periods periods,
                      ApplicationEventPublisher events, Guard guard, ObjectProvider<EntryLock> locks) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.orgUnits = orgUnits;
        this.periods = periods;
        this.events = events;
        this.guard = guard;
        this.locks = locks;
    }

    /**
     * Saves the value (creates or updates it) and returns what is now stored. Two writers of one cell never end in
     * a database error: the stored row is locked while it is read, and a cell created by someone else between the
     * read and the insert is, for a write that expected it empty, a {@link ConflictException} naming the cell, and
     * for one that expected nothing, an update of what they stored.
     */
    @Transactional
    public DataValue save(DataValueWrite w, String user, Source source) {
        DataElement element = catalog.element(w.elementCode());
        OrgUnit unit = orgUnits.require(w.orgUnitCode());
        guard.checkWrite(Resource.VALUE, unit.place());
        checkType(element, w.value());
        String tooLarge = Numbers.tooLarge(w.value());
        if (tooLarge != null) {
            throw new IllegalArgumentException(cell(element, unit, w.period()) + ": " + tooLarge);
        }
        checkInForce(unit, w.period());
        long periodId = periods.idOf(w.period());
        Instant now = Instant.now();
        Instant reported = w.reportedAt() == null ? now : w.reportedAt();
        for (int attempt = 0; ; attempt++) {
            Optional<Current> current = current(element.id(), unit.id(), periodId, w.kind());
            if (current.isPresent()) {
                Current c = current.get();
                if (w.expectedVersion() != null && w.expectedVersion() != c.version) {
                    throw new ConflictException(cell(element, unit, w.period()) + " vừa được " + c.updatedBy
                            + " sửa thành " + Numbers.vi().format(c.value) + "; hãy tải lại trước khi lưu");
                }
                // A write that names no vintage date leaves an unchanged value's date alone.
                if (c.value.compareTo(w.value()) == 0 && Objects.equals(c.comment, w.comment())
                        && c.illustrative == w.illustrative()
                        && (w.reportedAt() == null || w.reportedAt().equals(c.reportedAt))) {
                    return find(element.code(), unit.code(), w.period(), w.kind()).orElseThrow();
                }
                checkUnlocked(element, unit, w.period());
                int n = jdbc.sql("""
                        update data_value set amount = :value, comment = :comment, illustrative = :ill,
                               version = version + 1, updated_by = :user, updated_at = :at, reported_at = :reported
                         where id = :id and version = :version""")
                        .param("value", w.value()).param("comment", w.comment()).param("ill", w.illustrative())
                        .param("user", user).param("at", timestamp(now)).param("reported", timestamp(reported))
                        .param("id", c.id).param("version", c.version)
                        .update();
                if (n == 0) {
                    throw new ConflictException(cell(element, unit, w.period())
                            + " vừa được người khác sửa; hãy tải lại trước khi lưu");
                }
                audit(element.id(), unit.id(), periodId, w.kind(), "UPDATE", c.value, w.value(), c.comment, w.comment(),
                        user, now, source, reported);
                break;
            }
            if (w.expectedVersion() != null && w.expectedVersion() != 0) {
                throw new ConflictException(cell(element, unit, w.period())
                        + " vừa bị người khác xóa; hãy tải lại trước khi lưu");
            }
            checkUnlocked(element, unit, w.period());
            // "on conflict do nothing": the unique key decides between two writers creating the cell at once, and
            // the loser learns it from the count instead of from a duplicate-key error that aborts its transaction.
            int inserted = jdbc.sql("""
                    insert into data_value (element_id, org_unit_id, period_id, kind, amount, comment, illustrative,
                           version, updated_by, updated_at, reported_at)
                    values (:element, :unit, :period, :kind, :value, :comment, :ill, 1, :user, :at, :reported)
                    on conflict do nothing""")
                    .param("element", element.id()).param("unit", unit.id()).param("period", periodId)
                    .param("kind", w.kind().name()).param("value", w.value()).param("comment", w.comment())
                    .param("ill", w.illustrative()).param("user", user).param("at", timestamp(now))
                    .param("reported", timestamp(reported)).update();
            if (inserted == 1) {
                audit(element.id(), unit.id(), periodId, w.kind(), "CREATE", null, w.value(), null, w.comment(), user,
                        now, source, reported);
                break;
            }
            if (w.expectedVersion() != null || attempt > 0) {
                throw new ConflictException(cell(element, unit, w.period())
                        + " vừa được người khác nhập cùng lúc; hãy tải lại để xem số đã lưu trước khi lưu");
            }
        }
        events.publishEvent(new DataValueChanged(element.code(), unit.code(), w.period(), w.kind(), w.value(),
                w.illustrative()));
        return find(element.code(), unit.code(), w.period(), w.kind()).orElseThrow();
    }

    /** The cell as a person names it: "Số liệu 'Sản lượng lương thực có hạt' của Xã Minh Long kỳ 2021S1". */
    private static String cell(DataElement element, OrgUnit unit, Period period) {
        return "Số liệu '" + element.name() + "' của " + unit.name() + " kỳ " + period.id();
    }

    /** Removes a value, keeping the removal in the audit trail. Returns false when there was none. */
    @Transactional
    public boolean delete(String elementCode, String orgUnitCode, Period period, ValueKind kind, String user,
                          Source source) {
        return delete(elementCode, orgUnitCode, period, kind, null, user, source);
    }

    /**
     * Removes a value if it still has the version the caller saw ({@code expectedVersion}; null: any), so that
     * clearing a cell never removes a figure someone else has just entered. Returns false when there was none.
     */
    @Transactional
    public boolean delete(String elementCode, String orgUnitCode, Period period, ValueKind kind,
                          Integer expectedVersion, String user, Source source) {
        DataElement element = catalog.element(elementCode);
        OrgUnit unit = orgUnits.require(orgUnitCode);
        guard.checkWrite(Resource.VALUE, unit.place());
        long periodId = periods.idOf(period);
        Optional<Current> current = current(element.id(), unit.id(), periodId, kind);
        if (current.isEmpty()) {
            if (expectedVersion != null && expectedVersion != 0) {
                throw new ConflictException("Số liệu '" + element.name() + "' của " + unit.name() + " kỳ "
                        + period.id() + " vừa bị người khác xóa; hãy tải lại trang");
            }
            return false;
        }
        Current c = current.get();
        if (expectedVersion != null && expectedVersion != c.version) {
            throw new ConflictException("Số liệu '" + element.name() + "' của " + unit.name() + " kỳ "
                    + period.id() + " vừa được " + c.updatedBy + " sửa thành " + Numbers.vi().format(c.value)
                    + "; hãy tải lại trước khi xóa");
        }
        checkUnlocked(element, unit, period);
        int n = jdbc.sql("delete from data_value where id = :id and version = :version").param("id", c.id)
                .param("version", c.version).update();
        if (n == 0) {
            throw new ConflictException("Số liệu '" + element.name() + "' của " + unit.name() + " kỳ "
                    + period.id() + " vừa được người khác sửa; hãy tải lại trước khi xóa");
        }
        Instant now = Instant.now();
        audit(element.id(), unit.id(), periodId, kind, "DELETE", current.get().value, null, current.get().comment,
                null, user, now, source, now);
        events.publishEvent(new DataValueChanged(element.code(), unit.code(), period, kind, null, false));
        return true;
    }

    public Optional<DataValue> find(String elementCode, String orgUnitCode, Period period, ValueKind kind) {
        return jdbc.sql(SELECT + " where e.code = :e and u.code = :u and p.iso = :p and v.kind = :k")
                .param("e", elementCode.toUpperCase()).param("u", orgUnitCode.toUpperCase())
                .param("p", period.id()).param("k", kind.name()).query(DataValues::map).optional();
    }

    /** Stored values, filtered by any of unit (with its subtree or not), period and element. */
    public List<DataValue> list(OrgUnit unit, boolean withSubtree, Period period, String elementCode) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where 1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (unit != null) {
            if (withSubtree) {
                sql.append(" and u.path like :prefix");
                params.put("prefix", unit.path() + "%");
            } else {
                sql.append(" and u.id = :unit");
                params.put("unit", unit.id());
            }
        }
        if (period != null) {
            sql.append(" and p.iso = :period");
            params.put("period", period.id());
        }
        if (elementCode != null) {
            sql.append(" and e.code = :element");
            params.put("element", elementCode.toUpperCase());
        }
        sql.append(" order by u.path, p.start_date, p.end_date desc, e.sort_order, e.code, v.kind");
        return jdbc.sql(sql.toString()).params(params).query(DataValues::map).list();
    }

    /**
     * The values of a subtree whose periods lie within [from, to]: what an aggregation needs to compute
     * any figure of the subtree's root for any period inside that range.
     */
    public List<StoredValue> stored(OrgUnit root, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select e.code, v.org_unit_id, p.iso, v.kind, v.amount, v.illustrative
                          from data_value v
                          join data_element e on e.id = v.element_id
                          join org_unit u on u.id = v.org_unit_id
                          join period p on p.id = v.period_id
                         where u.path like :prefix and p.start_date >= :from and p.end_date <= :to""")
                .param("prefix", root.path() + "%").param("from", from).param("to", to)
                .query((rs, i) -> new StoredValue(rs.getString(1), rs.getLong(2), Period.parse(rs.getString(3)),
                        ValueKind.valueOf(rs.getString(4)), Numbers.normal(rs.getBigDecimal(5)), rs.getBoolean(6)))
                .list();
    }

    /**
     * The values of a subtree within [from, to] as they stood at the instant, rebuilt from the audit trail by the
     * vintage date of each change (when the figure was reported or published, which is when it was keyed unless the
     * writer said otherwise): for each value its last change reported by then (a value reported later is absent, one
     * revised later shows its old amount, one deleted later is back). This is how a comparison "as of" a date sees an
     * estimate that was revised since, and back-loaded history at the date it was published.
     */
    public List<StoredValue> storedAsOf(OrgUnit root, LocalDate from, LocalDate to, Instant asOf) {
        java.util.Map<String, StoredValue> out = new java.util.LinkedHashMap<>();
        java.util.Map<String, Boolean> illustrative = new java.util.HashMap<>();
        for (StoredValue v : stored(root, from, to)) {
            illustrative.put(key(v.elementCode(), v.orgUnitId(), v.period(), v.kind()), v.illustrative());
        }
        jdbc.sql("""
                        select e.code, a.org_unit_id, p.iso, a.kind, a.action, a.new_amount
                          from data_value_audit a
                          join data_element e on e.id = a.element_id
                          join org_unit u on u.id = a.org_unit_id
                          join period p on p.id = a.period_id
                         where u.path like :prefix and p.start_date >= :from and p.end_date <= :to
                           and a.reported_at <= :asOf
                         order by a.reported_at, a.id""")
                .param("prefix", root.path() + "%").param("from", from).param("to", to)
                .param("asOf", timestamp(asOf))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    Period period = Period.parse(rs.getString(3));
                    ValueKind kind = ValueKind.valueOf(rs.getString(4));
                    String k = key(rs.getString(1), rs.getLong(2), period, kind);
                    if ("DELETE".equals(rs.getString(5))) {
                        out.remove(k);
                    } else {
                        out.put(k, new StoredValue(rs.getString(1), rs.getLong(2), period, kind,
                                Numbers.normal(rs.getBigDecimal(6)), illustrative.getOrDefault(k, false)));
                    }
                });
        return List.copyOf(out.values());
    }

    private static String key(String element, long unit, Period period, ValueKind kind) {
        return element + "|" + unit + "|" + period.id() + "|" + kind;
    }

    /** True when the subtree holds any value of the kind (a preliminary figure, say). */
    public boolean anyOfKind(OrgUnit root, ValueKind kind) {
        return jdbc.sql("""
                        select count(*) from data_value v join org_unit u on u.id = v.org_unit_id
                         where u.path like :prefix and v.kind = :kind""")
                .param("prefix", root.path() + "%").param("kind", kind.name()).query(Integer.class).single() > 0;
    }

    /**
     * Every stored value, as numbers, in one streamed pass (no list in memory, whatever the table's size): what an
     * in-memory index is built from. Values of elements whose id lies in [fromElementId, toElementId) only, so that
     * several connections can each read a share.
     */
    @Transactional(readOnly = true)
    public void scan(long fromElementId, long toElementId, StoredRows rows) {
        jdbc.sql("""
                        select element_id, org_unit_id, period_id, kind, amount, illustrative from data_value
                         where element_id >= :from and element_id < :to""")
                .param("from", fromElementId).param("to", toElementId)
                // Streams on PostgreSQL (a cursor inside the transaction) instead of reading every row first.
                .withFetchSize(20_000)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> rows.row(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        ValueKind.valueOf(rs.getString(4)),
                        rs.getBigDecimal(5), rs.getBoolean(6)));
    }

    /** Distinct periods that hold at least one value in the subtree. */
    public List<Period> periodsWithValues(OrgUnit root) {
        return jdbc.sql("""
                        select distinct p.iso from data_value v join period p on p.id = v.period_id
                          join org_unit u on u.id = v.org_unit_id where u.path like :prefix""")
                .param("prefix", root.path() + "%").query(String.class).list().stream().map(Period::parse).sorted()
                .toList();
    }

    /** How many values each period holds in the subtree. */
    public java.util.Map<Period, Integer> countsByPeriod(OrgUnit root) {
        java.util.Map<Period, Integer> counts = new java.util.TreeMap<>();
        jdbc.sql("""
                        select p.iso, count(*) from data_value v join period p on p.id = v.period_id
                          join org_unit u on u.id = v.org_unit_id where u.path like :prefix group by p.iso""")
                .param("prefix", root.path() + "%")
                .query((rs, i) -> counts.put(Period.parse(rs.getString(1)), rs.getInt(2))).list();
        return counts;
    }

    /**
     * The period a view of the unit opens on: the latest (by its end; of two ending together, the longer) that holds
     * at least half as many values in the subtree as its fullest period. A few yearly figures of later years (a
     * forest cover) do not pull the view off the period the unit reports in full, and a period being keyed becomes
     * the default once half its values are in. Empty when the subtree holds no value.
     */
    public Optional<Period> latestPeriod(OrgUnit root) {
        java.util.Map<Period, Integer> counts = countsByPeriod(root);
        int fullest = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return counts.entrySet().stream().filter(e -> e.getValue() * 2 >= fullest).map(java.util.Map.Entry::getKey)
                .max(java.util.Comparator.comparing(Period::end).thenComparingInt(Period::months));
    }

    public int count() {
        return jdbc.sql("select count(*) from data_value").query(Integer.class).single();
    }

    /** The audit trail of values, newest first, filtered by any of element, unit and period. */
    public List<AuditEntry> history(String elementCode, String orgUnitCode, Period period, int limit) {
        StringBuilder sql = new StringBuilder("""
                select e.code as element_code, u.code as unit_code, p.iso, a.kind, a.action, a.old_amount, a.new_amount,
                       a.old_comment, a.new_comment, a.changed_by, a.changed_at, a.source, a.reported_at
                  from data_value_audit a
                  join data_element e on e.id = a.element_id
                  join org_unit u on u.id = a.org_unit_id
                  join period p on p.id = a.period_id
                 where 1 = 1""");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (elementCode != null) {
            sql.append(" and e.code = :e");
            params.put("e", elementCode.toUpperCase());
        }
        if (orgUnitCode != null) {
            sql.append(" and u.code = :u");
            params.put("u", orgUnitCode.toUpperCase());
        }
        if (period != null) {
            sql.append(" and p.iso = :p");
            params.put("p", period.id());
        }
        sql.append(" order by a.id desc fetch first ").append(Math.max(1, limit)).append(" rows only");
        return jdbc.sql(sql.toString()).params(params).query((rs, i) -> new AuditEntry(rs.getString("element_code"),
                rs.getString("unit_code"), rs.getString("iso"), ValueKind.valueOf(rs.getString("kind")),
                rs.getString("action"), Numbers.normal(rs.getBigDecimal("old_amount")),
                Numbers.normal(rs.getBigDecimal("new_amount")),
                rs.getString("old_comment"), rs.getString("new_comment"), rs.getString("changed_by"),
                instant(rs, "changed_at"), Source.valueOf(rs.getString("source")), instant(rs, "reported_at")))
                .list();
    }

    private void checkUnlocked(DataElement element, OrgUnit unit, Period period) {
        for (EntryLock lock : locks.orderedStream().toList()) {
            Optional<String> reason = lock.lockedBecause(element.code(), unit, period);
            if (reason.isPresent()) {
                throw new EntryLockedException(reason.get());
            }
        }
    }

    /**
     * A unit holds values only for periods of its life: none for a period that begins after it ended (merged,
     * split, dissolved) or ends before it was created; figures of the new unit go to the new unit.
     */
    private static void checkInForce(OrgUnit unit, Period period) {
        if (unit.inForceDuring(period.start(), period.end())) {
            return;
        }
        if (unit.validTo() != null && period.start().isAfter(unit.validTo())) {
            throw new IllegalArgumentException(unit.name() + " (" + unit.code() + ") đã hết hiệu lực từ "
                    + Numbers.vi().date(unit.validTo().plusDays(1)) + "; không nhận số liệu kỳ " + period.id());
        }
        if (unit.validFrom() != null && period.end().isBefore(unit.validFrom())) {
            throw new IllegalArgumentException(unit.name() + " (" + unit.code() + ") có hiệu lực từ "
                    + Numbers.vi().date(unit.validFrom()) + "; không nhận số liệu kỳ " + period.id());
        }
    }

    private static void checkType(DataElement element, BigDecimal value) {
        if (element.valueType() == ValueType.INTEGER && value.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("chỉ tiêu '" + element.code() + "' nhận số nguyên, không nhận "
                    + Numbers.vi().format(value));
        }
        if (element.valueType() == ValueType.BOOLEAN && value.signum() != 0 && value.compareTo(BigDecimal.ONE) != 0) {
            throw new IllegalArgumentException("chỉ tiêu '" + element.code() + "' chỉ nhận 1 (có) hoặc 0 (không)");
        }
        if (!element.admits(value)) {
            throw new IllegalArgumentException("chỉ tiêu '" + element.code() + "' nhận giá trị"
                    + (element.minValue() == null ? "" : " từ " + Numbers.vi().format(element.minValue()))
                    + (element.maxValue() == null ? "" : " đến " + Numbers.vi().format(element.maxValue()))
                    + ", không nhận " + Numbers.vi().format(value));
        }
    }

    private Optional<Current> current(long element, long unit, long period, ValueKind kind) {
        return jdbc.sql("""
                        select id, amount, comment, illustrative, version, updated_by, reported_at from data_value
                         where element_id = :e and org_unit_id = :u and period_id = :p and kind = :k
                           for update""")
                .param("e", element).param("u", unit).param("p", period).param("k", kind.name())
                .query((rs, i) -> new Current(rs.getLong(1), Numbers.normal(rs.getBigDecimal(2)), rs.getString(3), rs.getBoolean(4),
                        rs.getInt(5), rs.getString(6), instant(rs, "reported_at"))).optional();
    }

    private void audit(long element, long unit, long period, ValueKind kind, String action, BigDecimal oldValue,
                       BigDecimal newValue, String oldComment, String newComment, String user, Instant at,
                       Source source, Instant reported) {
        jdbc.sql("""
                insert into data_value_audit (element_id, org_unit_id, period_id, kind, action, old_amount, new_amount,
                       old_comment, new_comment, changed_by, changed_at, source, reported_at)
                values (:e, :u, :p, :k, :action, :old, :new, :oldc, :newc, :user, :at, :source, :reported)""")
                .param("e", element).param("u", unit).param("p", period).param("k", kind.name())
                .param("action", action).param("old", oldValue).param("new", newValue).param("oldc", oldComment)
                .param("newc", newComment).param("user", user).param("at", timestamp(at))
                .param("source", source.name()).param("reported", timestamp(reported)).update();
    }

    private static OffsetDateTime timestamp(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static DataValue map(ResultSet rs, int row) throws SQLException {
        return new DataValue(rs.getString("element_code"), rs.getString("unit_code"), Period.parse(rs.getString("iso")),
                ValueKind.valueOf(rs.getString("kind")), Numbers.normal(rs.getBigDecimal("amount")), rs.getString("comment"),
                rs.getBoolean("illustrative"), rs.getInt("version"), rs.getString("updated_by"),
                instant(rs, "updated_at"), instant(rs, "reported_at"));
    }

    private record Current(long id, BigDecimal value, String comment, boolean illustrative, int version,
                           String updatedBy, Instant reportedAt) {
    }
}
