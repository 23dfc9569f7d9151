package vn.kehoach.analytics;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.kehoach.audit.Area;
import vn.kehoach.audit.MetadataAudit;
import vn.kehoach.audit.MetadataChange;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.security.Actor;
import vn.kehoach.security.Actors;
import vn.kehoach.security.OutOfScopeException;

/**
 * Saved pivot tables (bảng tổng hợp yêu thích): the parameters of a pivot page under a name, for their owner and,
 * when shared, for every user whose scope holds the view's unit. Who may see or delete a view is decided here;
 * saving and deleting are audited.
 */
@Service
public class PivotViews {

    /** The page parameters a view keeps; anything else is refused naming it. */
    public static final Set<String> KEYS = Set.of("figure", "orgUnit", "level", "period", "periodType", "kind", "rows",
            "columns", "totals", "ref");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A saved view: {@code definition} holds the page parameters ({@code figure=…&orgUnit=…}). */
    public record PivotView(long id, String name, String owner, String orgUnitCode, String orgUnitName,
                            Map<String, String> definition, boolean shared, Instant created) {
    }

    private final JdbcClient jdbc;
    private final Actors actors;
    private final OrgUnits orgUnits;
    private final MetadataAudit audit;

    public PivotViews(JdbcClient jdbc, Actors actors, OrgUnits orgUnits, MetadataAudit audit) {
        this.jdbc = jdbc;
        this.actors = actors;
        this.orgUnits = orgUnits;
        this.audit = audit;
    }

    /** Saves the parameters under a name for the signed-in user, in a unit of their scope; audited. */
    @Transactional
    public PivotView save(String name, String unitCode, Map<String, String> definition, boolean shared) {
        Actor me = signedIn();
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new IllegalArgumentException("Đặt tên cho bảng tổng hợp cần lưu (name)");
        }
        if (n.length() > 200) {
            throw new IllegalArgumentException("Tên bảng tổng hợp dài quá 200 ký tự");
        }
        if (unitCode == null || unitCode.isBlank()) {
            throw new IllegalArgumentException("Bảng tổng hợp cần lưu chưa có đơn vị (orgUnit)");
        }
        OrgUnit unit = orgUnits.require(unitCode.split(",")[0].strip());
        actors.checkCanSee(unit);
        Map<String, String> def = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : definition.entrySet()) {
            if (!KEYS.contains(e.getKey())) {
                throw new IllegalArgumentException("tham số '" + e.getKey() + "' không thuộc bảng tổng hợp; dùng "
                        + String.join(", ", KEYS.stream().sorted().toList()));
            }
            if (e.getValue() != null && !e.getValue().isBlank()) {
                def.put(e.getKey(), e.getValue().strip());
            }
        }
        String text = JSON.writeValueAsString(def);
        if (text.length() > 4000) {
            throw new IllegalArgumentException("bảng tổng hợp có quá nhiều chỉ tiêu để lưu (tối đa 4.000 ký tự)");
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into pivot_view (name, owner, org_unit_id, definition, shared, created_at)
                        values (:name, :owner, :unit, :def, :shared, :at)""")
                .param("name", n).param("owner", me.username()).param("unit", unit.id()).param("def", text)
                .param("shared", shared).param("at", Instant.now().atOffset(ZoneOffset.UTC)).update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record(MetadataChange.of(Area.PIVOT_VIEW, "Lưu", unit.id(), String.valueOf(id), n, null,
                (shared ? "dùng chung; " : "riêng; ") + text));
        return load(id).orElseThrow();
    }

    /** The views the signed-in user may open: their own, and the shared ones of units in their scope; newest first. */
    public List<PivotView> visible() {
        Actor me = actors.current();
        return all().stream().filter(v -> canSee(me, v)).toList();
    }

    /** A view the signed-in user may open; empty for one that does not exist or that they may not see. */
    public Optional<PivotView> find(long id) {
        Actor me = actors.current();
        return load(id).filter(v -> canSee(me, v));
    }

    /** Deletes a view: its owner only; audited. False when there is no such view the user may see. */
    @Transactional
    public boolean delete(long id) {
        Actor me = signedIn();
        Optional<PivotView> found = find(id);
        if (found.isEmpty()) {
            return false;
        }
        PivotView v = found.get();
        if (!v.owner().equals(me.username())) {
            throw new OutOfScopeException("Chỉ người lưu mới xóa được bảng tổng hợp '" + v.name() + "'");
        }
        jdbc.sql("delete from pivot_view where id = :id").param("id", id).update();
        OrgUnit unit = orgUnits.require(v.orgUnitCode());
        audit.record(MetadataChange.of(Area.PIVOT_VIEW, "Xóa", unit.id(), String.valueOf(id), v.name(),
                JSON.writeValueAsString(v.definition()), null));
        return true;
    }

    private boolean canSee(Actor me, PivotView v) {
        if (v.owner().equals(me.username())) {
            return true;
        }
        return v.shared() && orgUnits.find(v.orgUnitCode()).map(me::covers).orElse(false);
    }

    private Actor signedIn() {
        Actor me = actors.current();
        if (me == null || me == Actor.ANONYMOUS) {
            throw new OutOfScopeException("Cần đăng nhập để lưu bảng tổng hợp");
        }
        return me;
    }

    private Optional<PivotView> load(long id) {
        return rows("where v.id = :id", id).stream().findFirst();
    }

    private List<PivotView> all() {
        return rows("", null);
    }

    private List<PivotView> rows(String where, Long id) {
        var sql = jdbc.sql("""
                select v.id, v.name, v.owner, u.code, u.name as unit_name, v.definition, v.shared, v.created_at
                  from pivot_view v join org_unit u on u.id = v.org_unit_id
                """ + where + " order by v.created_at desc, v.id desc");
        if (id != null) {
            sql = sql.param("id", id);
        }
        return sql.query((rs, i) -> new PivotView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), JSON.readValue(rs.getString(6), new TypeReference<LinkedHashMap<String, String>>() { }),
                rs.getBoolean(7), rs.getObject(8, OffsetDateTime.class).toInstant())).list();
    }
}
