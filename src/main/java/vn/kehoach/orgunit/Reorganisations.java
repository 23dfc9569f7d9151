package vn.kehoach.orgunit;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

import vn.kehoach.access.Guard;
import vn.kehoach.access.Resource;
import org.springframework.transaction.annotation.Transactional;

import vn.kehoach.audit.Area;
import vn.kehoach.audit.MetadataAudit;
import vn.kehoach.audit.MetadataChange;

/**
 * Reorganisations of the administrative tree as data: merge, split, rename, move, dissolve a level — each dated,
 * with its decision and its lineage. Nothing stored moves: historical values stay on the former units, which keep
 * their place in the tree with the day they ended, and {@link #territory} tells the comparison engine what a
 * present unit was made of.
 */
@Service
public class Reorganisations {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final JdbcClient jdbc;
    private final OrgUnits orgUnits;
    private final Guard guard;
    private final MetadataAudit audit;

    public Reorganisations(JdbcClient jdbc, OrgUnits orgUnits, Guard guard, MetadataAudit audit) {
        this.jdbc = jdbc;
        this.orgUnits = orgUnits;
        this.guard = guard;
        this.audit = audit;
    }

    /**
     * Keeps the reorganisation in the metadata trail, under its first unit (the units it saved are there too, field
     * by field), and returns it.
     */
    private Reorganisation audited(Reorganisation r, String user, String before, String after) {
        Long unit = r.units().isEmpty() ? null : orgUnits.require(r.units().get(0)).id();
        String label = r.kind().label();
        audit.record(MetadataChange.of(Area.ORGUNIT, Character.toUpperCase(label.charAt(0)) + label.substring(1), unit,
                String.join(",", r.units()), "Từ " + DAY.format(r.effectiveDate())
                        + (r.decision() == null ? "" : ", " + r.decision()), before,
                after != null ? after : String.join(", ", r.units())).by(user));
        return r;
    }

    /**
     * Merges the predecessors into the successor from the day: a new unit (created under {@code successor}'s
     * parent), or one of the predecessors, which then takes the others in. The others end the day before; their
     * units still in force move under the successor.
     */
    @Transactional
    public Reorganisation merge(List<String> predecessorCodes, OrgUnitDraft successor, LocalDate day, String decision,
                                String note, boolean illustrative, String user) {
        requireDay(day);
        List<OrgUnit> predecessors = distinctUnits(predecessorCodes);
        checkMayReorganise(predecessors, successor.parentCode());
        boolean absorbs = predecessors.stream().anyMatch(p -> p.code().equals(successor.code()));
        if (predecessors.size() < 2) {
            throw new IllegalArgumentException("sáp nhập cần ít nhất hai đơn vị");
        }
        for (OrgUnit p : predecessors) {
            requireInForce(p, day);
        }
        OrgUnit target;
        if (absorbs) {
            target = orgUnits.require(successor.code());
        } else {
            if (orgUnits.find(successor.code()).isPresent()) {
                throw new IllegalArgumentException("mã đơn vị mới '" + successor.code() + "' đã có");
            }
            target = orgUnits.save(new OrgUnitDraft(successor.code(), successor.name(), successor.kind(),
                    successor.parentCode(), day, null));
        }
        long change = change(ChangeKind.MERGE, day, decision, note, illustrative, user);
        for (OrgUnit p : predecessors) {
            if (p.id() == target.id()) {
                continue;
            }
            lineage(change, p, target, null, BigDecimal.ONE);
            end(p, day, target, change);
        }
        return audited(find(change), user, null, null);
    }

    /**
     * Splits the unit into the successors from the day (new units under the given parents, or existing ones that
     * take a part). {@code shares}: successor code → element code (or "*" for every element) → share in [0, 1];
     * a successor without shares gets the predecessor's figures marked not comparable. The unit ends the day before.
     */
    @Transactional
    public Reorganisation split(String predecessorCode, List<OrgUnitDraft> successors,
                                Map<String, Map<String, BigDecimal>> shares, LocalDate day, String decision, String note,
                                boolean illustrative, String user) {
        requireDay(day);
        OrgUnit p = orgUnits.require(predecessorCode);
        checkMayReorganise(List.of(p), null);
        for (OrgUnitDraft d : successors) {
            checkMayReorganise(List.of(), d.parentCode());
        }
        requireInForce(p, day);
        if (successors.size() < 2) {
            throw new IllegalArgumentException("chia tách '" + p.code() + "' cần ít nhất hai đơn vị mới");
        }
        checkShares(p, successors, shares);
        long change = change(ChangeKind.SPLIT, day, decision, note, illustrative, user);
        OrgUnit first = null;
        for (OrgUnitDraft d : successors) {
            OrgUnit s = orgUnits.find(d.code()).orElseGet(() -> orgUnits.save(new OrgUnitDraft(d.code(), d.name(),
                    d.kind(), d.parentCode(), day, null)));
            if (s.id() == p.id()) {
                throw new IllegalArgumentException("đơn vị chia tách '" + p.code() + "' không thể là đơn vị mới");
            }
            first = first == null ? s : first;
            Map<String, BigDecimal> own = shares.getOrDefault(s.code(), Map.of());
            if (own.isEmpty()) {
                lineage(change, p, s, null, null);
            }
            for (Map.Entry<String, BigDecimal> e : own.entrySet()) {
                lineage(change, p, s, "*".equals(e.getKey()) ? null : e.getKey().toUpperCase(), e.getValue());
            }
        }
        end(p, day, first, change);
        return audited(find(change), user, null, null);
    }

    /** Renames the unit from the day, keeping the former name in its history. */
    @Transactional
    public Reorganisation rename(String code, String newName, LocalDate day, String decision, String note,
                                 boolean illustrative, String user) {
        requireDay(day);
        OrgUnit u = orgUnits.require(code);
        checkMayReorganise(List.of(u), null);
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException("tên mới của '" + u.code() + "' không được để trống");
        }
        long change = change(ChangeKind.RENAME, day, decision, note, illustrative, user);
        history(u, change, day);
        jdbc.sql("update org_unit set name = :name where id = :id").param("name", newName.strip())
                .param("id", u.id()).update();
        touched(change, u);
        return audited(find(change), user, u.name(), newName.strip());
    }

    /** Moves the unit (and its subtree, data and all) under another parent from the day. */
    @Transactional
    public Reorganisation move(String code, String newParentCode, LocalDate day, String decision, String note,
                               boolean illustrative, String user) {
        requireDay(day);
        OrgUnit u = orgUnits.require(code);
        OrgUnit parent = orgUnits.require(newParentCode);
        checkMayReorganise(List.of(u), parent.code());
        requireInForce(u, day);
        requireInForce(parent, day);
        long change = change(ChangeKind.MOVE, day, decision, note, illustrative, user);
        history(u, change, day);
        orgUnits.save(new OrgUnitDraft(u.code(), u.name(), u.kind(), parent.code(), u.validFrom(), u.validTo()));
        touched(change, u);
        return audited(find(change), user, null, null);
    }

    /**
     * Ends a level from the day: the unit ends the day before, so do its agencies; its territories still in force
     * move up to its parent. Units that ended before stay under it, with its history.
     */
    @Transactional
    public Reorganisation dissolve(String code, LocalDate day, String decision, String note, boolean illustrative,
                                   String user) {
        requireDay(day);
        OrgUnit u = orgUnits.require(code);
        checkMayReorganise(List.of(u), null);
        requireInForce(u, day);
        long change = change(ChangeKind.DISSOLVE, day, decision, note, illustrative, user);
        for (OrgUnit child : orgUnits.children(u)) {
            if (!child.inForceOn(day)) {
                continue;
            }
            if (child.kind() == OrgUnitKind.AGENCY) {
                endOn(child, day);
            } else if (u.parentCode() != null) {
                history(child, change, day);
                orgUnits.save(new OrgUnitDraft(child.code(), child.name(), child.kind(), u.parentCode(),
                        child.validFrom(), child.validTo()));
            }
        }
        endOn(u, day);
        touched(change, u);
        return audited(find(change), user, null, null);
    }

    /**
     * A reorganisation is decided above the units it changes: the actor must be allowed to reorganise under the
     * parent of each unit, and under the parent that receives a new or moved unit (a commune's administrator
     * reorganises nothing; a district's, only its own communes).
     */
    private void checkMayReorganise(List<OrgUnit> units, String receivingParentCode) {
        for (OrgUnit u : units) {
            guard.checkWrite(Resource.REORGANISATION, orgUnits.parentPlace(u));
        }
        if (receivingParentCode != null) {
            guard.checkWrite(Resource.REORGANISATION, orgUnits.require(receivingParentCode).place());
        }
    }

    /**
     * Reads split shares as people write them: "VINHQUY_B=0,4" (every element) or "VINHQUY_B:BUFFALO_HERD=0.4", one per
     * item; each refused with the item named.
     */
    public static Map<String, Map<String, BigDecimal>> parseShares(List<String> items) {
        Map<String, Map<String, BigDecimal>> out = new HashMap<>();
        for (String item : items) {
            if (item == null || item.isBlank()) {
                continue;
            }
            String[] kv = item.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("tỷ lệ phân chia '" + item.strip()
                        + "': dùng dạng MA=0,4 hoặc MA:CHITIEU=0,4");
            }
            String[] key = kv[0].split(":", 2);
            BigDecimal share;
            try {
                share = new BigDecimal(kv[1].strip().replace(',', '.'));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("tỷ lệ phân chia '" + item.strip() + "': '" + kv[1].strip()
                        + "' không phải là số");
            }
            out.computeIfAbsent(key[0].strip().toUpperCase(), k -> new HashMap<>())
                    .put(key.length > 1 ? key[1].strip().toUpperCase() : "*", share);
        }
        return out;
    }

    /** Reads new units written "MA=Tên" (the name defaults to the code), all of the kind, under the parent. */
    public static List<OrgUnitDraft> parseUnits(List<String> items, OrgUnitKind kind, String parentCode,
                                                LocalDate day) {
        List<OrgUnitDraft> out = new ArrayList<>();
        for (String item : items) {
            if (item == null || item.isBlank()) {
                continue;
            }
            String[] kv = item.split("=", 2);
            out.add(new OrgUnitDraft(kv[0].strip(), kv.length > 1 ? kv[1].strip() : kv[0].strip(), kind, parentCode,
                    day, null));
        }
        return out;
    }

    /** Every reorganisation, oldest first. */
    public List<Reorganisation> list() {
        return jdbc.sql("select id from org_unit_change order by effective_date, id").query(Long.class).list().stream()
                .map(this::find).toList();
    }

    /** The reorganisations that touched the unit or any unit of its subtree. */
    public List<Reorganisation> touching(OrgUnit unit) {
        return list().stream().filter(r -> r.units().stream().anyMatch(c -> orgUnits.find(c)
                .map(unit::covers).orElse(false))).toList();
    }

    public Reorganisation find(long id) {
        Map<String, Object> row = jdbc.sql("""
                select kind, effective_date, decision, note, illustrative from org_unit_change where id = :id""")
                .param("id", id).query().singleRow();
        List<Lineage> lineage = jdbc.sql("""
                        select p.code, s.code, l.element_code, l.share from org_unit_lineage l
                          join org_unit p on p.id = l.predecessor_id join org_unit s on s.id = l.successor_id
                         where l.change_id = :id order by l.id""").param("id", id)
                .query((rs, i) -> new Lineage(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4) == null ? null : rs.getBigDecimal(4).stripTrailingZeros()))
                .list();
        Set<String> units = new LinkedHashSet<>();
        lineage.forEach(l -> {
            units.add(l.predecessor());
            units.add(l.successor());
        });
        units.addAll(jdbc.sql("""
                select u.code from org_unit_history h join org_unit u on u.id = h.unit_id where h.change_id = :id
                 order by h.id""").param("id", id).query(String.class).list());
        units.addAll(jdbc.sql("""
                select u.code from org_unit_change_unit c join org_unit u on u.id = c.unit_id where c.change_id = :id""")
                .param("id", id).query(String.class).list());
        return new Reorganisation(id, ChangeKind.valueOf((String) row.get("kind")),
                toDate(row.get("effective_date")), (String) row.get("decision"), (String) row.get("note"),
                Boolean.TRUE.equals(row.get("illustrative")), List.copyOf(units), lineage);
    }

    /** The names and parents the unit had before renames and moves, oldest first: "name (until dd/mm/yyyy)". */
    public List<String> formerNames(OrgUnit unit) {
        return jdbc.sql("select name, valid_to from org_unit_history where unit_id = :id order by valid_to, id")
                .param("id", unit.id()).query((rs, i) -> rs.getString(1) + " (đến " + DAY.format(rs.getDate(2)
                        .toLocalDate()) + ")").list();
    }

    /** True when a reorganisation touched the unit or its subtree: its figures need the territory. */
    public boolean affects(OrgUnit unit) {
        return jdbc.sql("""
                        select count(*) from org_unit u where u.path like :prefix and (u.valid_to is not null
                           or exists (select 1 from org_unit_lineage l where l.successor_id = u.id or l.predecessor_id = u.id))""")
                .param("prefix", unit.path() + "%").query(Integer.class).single() > 0;
    }

    /**
     * What the unit's present territory was made of: the former units outside its subtree whose territory went into
     * it or into a unit of its subtree, followed back through every reorganisation (a unit merged twice, a split of
     * a merged unit), each with its share.
     */
    public Territory territory(OrgUnit unit) {
        List<LineRow> rows = jdbc.sql("""
                        select l.predecessor_id, l.successor_id, l.element_code, l.share, c.effective_date, c.kind,
                               c.decision
                          from org_unit_lineage l join org_unit_change c on c.id = l.change_id order by l.id""")
                .query((rs, i) -> new LineRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getDate(5).toLocalDate(), ChangeKind.valueOf(rs.getString(6)), rs.getString(7)))
                .list();
        if (rows.isEmpty()) {
            return new Territory(unit, List.of());
        }
        Map<Long, List<LineRow>> bySuccessor = new HashMap<>();
        rows.forEach(r -> bySuccessor.computeIfAbsent(r.successor, k -> new ArrayList<>()).add(r));
        Map<Long, Territory.Part> parts = new LinkedHashMap<>();
        for (OrgUnit u : orgUnits.subtree(unit)) {
            follow(unit, u.id(), Scale.WHOLE, bySuccessor, parts, new LinkedHashSet<>());
        }
        return new Territory(unit, List.copyOf(parts.values()));
    }

    private void follow(OrgUnit root, long successor, Scale scale, Map<Long, List<LineRow>> bySuccessor,
                        Map<Long, Territory.Part> parts, Set<Long> seen) {
        if (!seen.add(successor)) {
            return;
        }
        Map<Long, List<LineRow>> byPredecessor = new LinkedHashMap<>();
        for (LineRow r : bySuccessor.getOrDefault(successor, List.of())) {
            byPredecessor.computeIfAbsent(r.predecessor, k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<Long, List<LineRow>> e : byPredecessor.entrySet()) {
            OrgUnit p = orgUnits.find(e.getKey()).orElseThrow();
            Scale s = scale.then(Scale.of(e.getValue()));
            LineRow first = e.getValue().get(0);
            if (!root.covers(p) && !parts.containsKey(p.id())) {
                parts.put(p.id(), new Territory.Part(p, s.whole, s.share, s.elementShares, first.day,
                        first.kind.label() + " " + DAY.format(first.day)
                                + (first.decision == null ? "" : " (" + first.decision + ")")));
            }
            follow(root, p.id(), s, bySuccessor, parts, seen);
        }
    }

    /** The share a chain of lineage lines gives: whole, or a share for every element and for some elements. */
    private record Scale(boolean whole, BigDecimal share, Map<String, BigDecimal> elementShares) {

        static final Scale WHOLE = new Scale(true, BigDecimal.ONE, Map.of());

        static Scale of(List<LineRow> lines) {
            BigDecimal share = null;
            Map<String, BigDecimal> elements = new HashMap<>();
            boolean whole = false;
            for (LineRow l : lines) {
                if (l.element == null) {
                    share = l.share;
                    whole = l.kind == ChangeKind.MERGE;
                } else if (l.share != null) {
                    elements.put(l.element, l.share);
                }
            }
            return new Scale(whole && elements.isEmpty(), share, Map.copyOf(elements));
        }

        Scale then(Scale next) {
            if (whole) {
                return next;
            }
            if (next.whole) {
                return this;
            }
            Map<String, BigDecimal> elements = new HashMap<>();
            Set<String> codes = new LinkedHashSet<>(elementShares.keySet());
            codes.addAll(next.elementShares.keySet());
            for (String c : codes) {
                BigDecimal a = elementShares.getOrDefault(c, share);
                BigDecimal b = next.elementShares.getOrDefault(c, next.share);
                if (a != null && b != null) {
                    elements.put(c, a.multiply(b, MathContext.DECIMAL64));
                }
            }
            BigDecimal s = share == null || next.share == null ? null : share.multiply(next.share, MathContext.DECIMAL64);
            return new Scale(false, s, Map.copyOf(elements));
        }
    }

    private record LineRow(long predecessor, long successor, String element, BigDecimal share, LocalDate day,
                           ChangeKind kind, String decision) {
    }

    private void checkShares(OrgUnit p, List<OrgUnitDraft> successors, Map<String, Map<String, BigDecimal>> shares) {
        Set<String> codes = new LinkedHashSet<>();
        successors.forEach(s -> codes.add(s.code()));
        Map<String, BigDecimal> totals = new HashMap<>();
        for (Map.Entry<String, Map<String, BigDecimal>> s : shares.entrySet()) {
            if (!codes.contains(s.getKey().toUpperCase())) {
                throw new IllegalArgumentException("tỷ lệ phân chia cho '" + s.getKey() + "', không phải đơn vị mới của '"
                        + p.code() + "'");
            }
            for (Map.Entry<String, BigDecimal> e : s.getValue().entrySet()) {
                if (e.getValue() == null || e.getValue().signum() < 0 || e.getValue().compareTo(BigDecimal.ONE) > 0) {
                    throw new IllegalArgumentException("tỷ lệ phân chia của '" + s.getKey() + "' cho '" + e.getKey()
                            + "' phải từ 0 đến 1");
                }
                totals.merge(e.getKey(), e.getValue(), BigDecimal::add);
            }
        }
        totals.forEach((element, total) -> {
            if (total.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("tổng tỷ lệ phân chia '" + element + "' của '" + p.code() + "' là "
                        + total.stripTrailingZeros().toPlainString() + ", vượt quá 1");
            }
        });
    }

    private long change(ChangeKind kind, LocalDate day, String decision, String note, boolean illustrative,
                        String user) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into org_unit_change (kind, effective_date, decision, note, illustrative, created_by, created_at)
                values (:kind, :day, :decision, :note, :ill, :user, :at)""")
                .param("kind", kind.name()).param("day", day).param("decision", blankToNull(decision))
                .param("note", blankToNull(note)).param("ill", illustrative).param("user", user)
                .param("at", Timestamp.from(Instant.now()).toInstant().atOffset(ZoneOffset.UTC)).update(keys, "id");
        return keys.getKey().longValue();
    }

    private void lineage(long change, OrgUnit predecessor, OrgUnit successor, String element, BigDecimal share) {
        jdbc.sql("""
                insert into org_unit_lineage (change_id, predecessor_id, successor_id, element_code, share)
                values (:change, :p, :s, :element, :share)""")
                .param("change", change).param("p", predecessor.id()).param("s", successor.id())
                .param("element", element).param("share", share).update();
    }

    private void touched(long change, OrgUnit unit) {
        jdbc.sql("insert into org_unit_change_unit (change_id, unit_id) values (:c, :u)").param("c", change)
                .param("u", unit.id()).update();
    }

    private void history(OrgUnit u, long change, LocalDate day) {
        jdbc.sql("""
                insert into org_unit_history (unit_id, change_id, name, parent_id, valid_to)
                values (:u, :c, :name, :parent, :to)""")
                .param("u", u.id()).param("c", change).param("name", u.name()).param("parent", u.parentId())
                .param("to", day.minusDays(1)).update();
    }

    /** Ends the unit the day before; its children still in force move under the successor. */
    private void end(OrgUnit unit, LocalDate day, OrgUnit successor, long change) {
        for (OrgUnit child : orgUnits.children(unit)) {
            if (child.inForceOn(day) && successor != null) {
                history(child, change, day);
                orgUnits.save(new OrgUnitDraft(child.code(), child.name(), child.kind(), successor.code(),
                        child.validFrom(), child.validTo()));
            }
        }
        endOn(unit, day);
    }

    private void endOn(OrgUnit unit, LocalDate day) {
        jdbc.sql("update org_unit set valid_to = :to where id = :id").param("to", day.minusDays(1))
                .param("id", unit.id()).update();
    }

    private List<OrgUnit> distinctUnits(List<String> codes) {
        Map<String, OrgUnit> out = new LinkedHashMap<>();
        for (String c : codes) {
            OrgUnit u = orgUnits.require(c);
            out.put(u.code(), u);
        }
        return List.copyOf(out.values());
    }

    private static void requireInForce(OrgUnit u, LocalDate day) {
        if (u.validTo() != null && u.validTo().isBefore(day)) {
            throw new IllegalArgumentException("đơn vị '" + u.code() + "' đã hết hiệu lực từ "
                    + DAY.format(u.validTo().plusDays(1)));
        }
    }

    private static void requireDay(LocalDate day) {
        if (day == null) {
            throw new IllegalArgumentException("ngày có hiệu lực không được để trống");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static LocalDate toDate(Object o) {
        if (o instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return (LocalDate) o;
    }
}
