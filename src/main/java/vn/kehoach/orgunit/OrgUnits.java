package vn.kehoach.orgunit;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.CollationKey;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

import vn.kehoach.access.Guard;
import vn.kehoach.access.Place;
import vn.kehoach.access.Resource;
import org.springframework.transaction.annotation.Transactional;

import vn.kehoach.audit.Area;
import vn.kehoach.audit.MetadataAudit;
import vn.kehoach.audit.MetadataChange;
/** The org-unit tree: lookups by code, subtrees, and the upsert used by imports. */
@Service
public class OrgUnits {

    private static final String SELECT = """
            select u.id, u.code, u.name, u.kind, u.parent_id, p.code as parent_code, u.path, u.level,
                   u.valid_from, u.valid_to
              from org_unit u left join org_unit p on p.id = u.parent_id
            """;

    private final JdbcClient jdbc;
    private final Guard guard;
    private final MetadataAudit audit;

    public OrgUnits(JdbcClient jdbc, Guard guard, MetadataAudit audit) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.audit = audit;
    }

    public Optional<OrgUnit> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where u.code = :code").param("code", code.strip().toUpperCase())
                .query(OrgUnits::map).optional();
    }

    /** The unit with this code, or an {@link UnknownOrgUnitException} naming the code. */
    public OrgUnit require(String code) {
        return find(code).orElseThrow(() -> new UnknownOrgUnitException(code));
    }

    public Optional<OrgUnit> find(long id) {
        return jdbc.sql(SELECT + " where u.id = :id").param("id", id).query(OrgUnits::map).optional();
    }

    /** Every unit, in tree order. */
    public List<OrgUnit> all() {
        return treeOrder(jdbc.sql(SELECT).query(OrgUnits::map).list());
    }

    public List<OrgUnit> roots() {
        return sorted(jdbc.sql(SELECT + " where u.parent_id is null").query(OrgUnits::map).list());
    }

    public List<OrgUnit> children(OrgUnit parent) {
        return sorted(jdbc.sql(SELECT + " where u.parent_id = :id").param("id", parent.id())
                .query(OrgUnits::map).list());
    }

    /** The unit and everything below it, in tree order (each parent before its children). */
    public List<OrgUnit> subtree(OrgUnit root) {
        return treeOrder(jdbc.sql(SELECT + " where u.path like :prefix").param("prefix", root.path() + "%")
                .query(OrgUnits::map).list());
    }

    /**
     * The unit and the units below it down to the level (as {@link OrgUnit#level()} counts, 1 for a root), in tree
     * order: the country's provinces without reading and ordering its ten thousand communes.
     */
    public List<OrgUnit> subtree(OrgUnit root, int deepestLevel) {
        return treeOrder(jdbc.sql(SELECT + " where u.path like :prefix and u.level <= :level")
                .param("prefix", root.path() + "%").param("level", deepestLevel).query(OrgUnits::map).list());
    }

    /** The chain from the root down to this unit, the unit last. */
    public List<OrgUnit> ancestry(OrgUnit unit) {
        List<OrgUnit> chain = new ArrayList<>();
        for (String id : unit.path().split("/")) {
            if (!id.isEmpty()) {
                find(Long.parseLong(id)).ifPresent(chain::add);
            }
        }
        return chain;
    }

    /**
     * The unit as it was on the day: its name and parent then, from the history a rename, move, merge or dissolution
     * kept ({@code org_unit_history}); the unit itself when nothing changed after the day. A document dated before a
     * reorganisation names the unit and addresses the parent of that time (Xã Minh Long under Huyện Hạ Lang in 2021,
     * although the district ended in 2025).
     */
    public OrgUnit onDay(OrgUnit unit, java.time.LocalDate day) {
        if (day == null) {
            return unit;
        }
        return jdbc.sql("""
                        select h.name, h.parent_id, p.code from org_unit_history h left join org_unit p on p.id = h.parent_id
                         where h.unit_id = :id and h.valid_to >= :day order by h.valid_to, h.id""")
                .param("id", unit.id()).param("day", day)
                .query((rs, i) -> new OrgUnit(unit.id(), unit.code(), rs.getString(1), unit.kind(),
                        rs.getObject(2) == null ? null : rs.getLong(2), rs.getString(3), unit.path(), unit.level(),
                        unit.validFrom(), unit.validTo()))
                .list().stream().findFirst().orElse(unit);
    }

    /** The unit's parent on the day, as it was then (see {@link #onDay}); empty for a root. */
    public Optional<OrgUnit> parentOn(OrgUnit unit, java.time.LocalDate day) {
        Long parent = onDay(unit, day).parentId();
        return parent == null ? Optional.empty() : find(parent).map(p -> onDay(p, day));
    }

    public int count() {
        return jdbc.sql("select count(*) from org_unit").query(Integer.class).single();
    }

    /**
     * Creates the unit or updates the one with the same code; moving it re-roots its whole subtree. The actor must
     * be allowed to change units under its parent — the old parent and the new one when it moves — so nobody moves a
     * unit out of, or into, a subtree that is not theirs, and only the top of the tree creates a root.
     */
    @Transactional
    public OrgUnit save(OrgUnitDraft draft) {
        OrgUnit parent = draft.parentCode() == null ? null : require(draft.parentCode());
        Optional<OrgUnit> existing = find(draft.code());
        guard.checkWrite(Resource.ORG_UNIT, parent == null ? Place.WHOLE : parent.place());
        if (existing.isPresent()) {
            guard.checkWrite(Resource.ORG_UNIT, parentPlace(existing.get()));
        }
        OrgUnitDraft before = existing.map(OrgUnits::draft).orElse(null);
        if (existing.isPresent() && parent != null && existing.get().covers(parent)) {
            throw new IllegalArgumentException("đơn vị '" + draft.code() + "' không thể nằm dưới chính nó ('"
                    + parent.code() + "')");
        }
        String parentPath = parent == null ? "/" : parent.path();
        int level = parent == null ? 1 : parent.level() + 1;
        if (existing.isPresent()) {
            OrgUnit old = existing.get();
            String newPath = parentPath + old.id() + "/";
            jdbc.sql("""
                    update org_unit set name = :name, kind = :kind, parent_id = :parent, path = :path, level = :level,
                           valid_from = :from, valid_to = :to where id = :id""")
                    .param("name", draft.name()).param("kind", draft.kind().name())
                    .param("parent", parent == null ? null : parent.id()).param("path", newPath)
                    .param("level", level).param("from", draft.validFrom()).param("to", draft.validTo())
                    .param("id", old.id()).update();
            if (!newPath.equals(old.path())) {
                int shift = level - old.level();
                jdbc.sql("""
                        update org_unit set path = concat(:newPath, substring(path, :cut)), level = level + :shift
                         where path like :oldPrefix and id <> :id""")
                        .param("newPath", newPath).param("cut", old.path().length() + 1).param("shift", shift)
                        .param("oldPrefix", old.path() + "%").param("id", old.id()).update();
            }
            return audited(before, require(draft.code()));
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into org_unit (code, name, kind, parent_id, path, level, valid_from, valid_to)
                values (:code, :name, :kind, :parent, '/', :level, :from, :to)""")
                .param("code", draft.code()).param("name", draft.name()).param("kind", draft.kind().name())
                .param("parent", parent == null ? null : parent.id()).param("level", level)
                .param("from", draft.validFrom()).param("to", draft.validTo())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("update org_unit set path = :path where id = :id")
                .param("path", parentPath + id + "/").param("id", id).update();
        return audited(before, require(draft.code()));
    }

    /**
     * Creates a new unit under its parent, inside the actor's subtree (the access rule of {@link #save}); a code
     * already taken is refused: a unit changes through its reorganisation records (rename, move, end).
     */
    @Transactional
    public OrgUnit create(OrgUnitDraft draft) {
        if (draft.parentCode() == null) {
            throw new IllegalArgumentException("đơn vị '" + draft.code() + "' cần đơn vị cấp trên (trường 'parent')");
        }
        OrgUnit parent = require(draft.parentCode());
        guard.checkWrite(Resource.ORG_UNIT, parent.place());
        if (find(draft.code()).isPresent()) {
            throw new IllegalArgumentException("mã đơn vị '" + draft.code() + "' đã có; đổi tên, chuyển hoặc kết thúc "
                    + "đơn vị đó bằng một lần sắp xếp (kehoach reorganise rename|move|dissolve)");
        }
        if (!draft.code().matches("[A-Z0-9_]{1,50}")) {
            throw new IllegalArgumentException("mã đơn vị '" + draft.code()
                    + "' không hợp lệ: chỉ gồm chữ in hoa không dấu, số và '_'");
        }
        return save(draft);
    }

    private static OrgUnitDraft draft(OrgUnit u) {
        return new OrgUnitDraft(u.code(), u.name(), u.kind(), u.parentCode(), u.validFrom(), u.validTo());
    }

    /** Keeps the change in the metadata trail, under the unit itself (its readers see it) and returns the unit. */
    private OrgUnit audited(OrgUnitDraft before, OrgUnit saved) {
        audit.record(MetadataChange.between(Area.ORGUNIT, saved.id(), saved.code(), saved.name(), before, draft(saved)));
        return saved;
    }

    /** Where a change of the unit is decided: at its parent, or the whole tree for a root. */
    public Place parentPlace(OrgUnit unit) {
        return unit.parentId() == null ? Place.WHOLE : find(unit.parentId()).orElseThrow().place();
    }

    /** Vietnamese collation, territories before agencies. */
    public static Comparator<OrgUnit> displayOrder() {
        Collator vi = Collator.getInstance(Locale.forLanguageTag("vi"));
        return Comparator.comparing((OrgUnit u) -> u.kind() == OrgUnitKind.AGENCY)
                .thenComparing(OrgUnit::name, vi);
    }

    private static List<OrgUnit> sorted(List<OrgUnit> units) {
        List<OrgUnit> copy = new ArrayList<>(units);
        copy.sort(displayOrder());
        return copy;
    }

    private static List<OrgUnit> treeOrder(List<OrgUnit> units) {
        Map<Long, List<OrgUnit>> byParent = new LinkedHashMap<>();
        Map<Long, OrgUnit> byId = new LinkedHashMap<>();
        for (OrgUnit u : units) {
            byId.put(u.id(), u);
        }
        List<OrgUnit> tops = new ArrayList<>();
        for (OrgUnit u : units) {
            if (u.parentId() == null || !byId.containsKey(u.parentId())) {
                tops.add(u);
            } else {
                byParent.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u);
            }
        }
        Comparator<OrgUnit> order = keyedDisplayOrder(units);
        List<OrgUnit> out = new ArrayList<>(units.size());
        tops.sort(order);
        for (OrgUnit top : tops) {
            walk(top, byParent, out, order);
        }
        return out;
    }

    /**
     * {@link #displayOrder()} over the units with each name's collation key made once: comparing keys gives what the
     * collator's compare gives, without normalising both names again at every comparison (the country's ten thousand
     * units, sorted parent by parent, took a national comparison 140 ms).
     */
    private static Comparator<OrgUnit> keyedDisplayOrder(List<OrgUnit> units) {
        Collator vi = Collator.getInstance(Locale.forLanguageTag("vi"));
        Map<OrgUnit, CollationKey> keys = new IdentityHashMap<>(units.size() * 2);
        for (OrgUnit u : units) {
            keys.put(u, vi.getCollationKey(u.name()));
        }
        return Comparator.comparing((OrgUnit u) -> u.kind() == OrgUnitKind.AGENCY).thenComparing(keys::get);
    }

    private static void walk(OrgUnit unit, Map<Long, List<OrgUnit>> byParent, List<OrgUnit> out,
                             Comparator<OrgUnit> order) {
        out.add(unit);
        List<OrgUnit> children = byParent.get(unit.id());
        if (children == null) {
            return;
        }
        children.sort(order);
        for (OrgUnit child : children) {
            walk(child, byParent, out, order);
        }
    }

    private static OrgUnit map(ResultSet rs, int row) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        Date from = rs.getDate("valid_from");
        Date to = rs.getDate("valid_to");
        return new OrgUnit(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                OrgUnitKind.valueOf(rs.getString("kind")), parentId,
                rs.getString("parent_code"), rs.getString("path"), rs.getInt("level"),
                from == null ? null : from.toLocalDate(), to == null ? null : to.toLocalDate());
    }
}
