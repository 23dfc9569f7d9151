package vn.kehoach.analytics.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.kehoach.catalog.DataElement;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.period.Period;

/**
 * Every stored value in memory, by element, period and kind, one slot per org unit in pre-order (each unit before
 * the units below it), so that any subtree is the contiguous range [slot, end(slot)). Built from the database in
 * one pass and kept current value by value.
 */
final class ColumnIndex {

    private final List<OrgUnit> units;
    private final Map<Long, Integer> slotOfUnit = new HashMap<>();
    private final Map<String, Integer> slotOfCode = new HashMap<>();
    private final int[] end;
    /** The slot of each unit id from 0 to the largest when ids are dense enough (−1: no such unit); else null. */
    private final int[] slotById;
    private final Map<Long, ElementColumns> elementsById = new HashMap<>();
    private final Map<String, ElementColumns> elementsByCode = new HashMap<>();
    private final Map<Long, Period> periods;
    /** True when the build met a value of a unit or period created after it began. */
    volatile boolean incomplete;

    /** @param treeOrder every org unit, each before the units below it */
    ColumnIndex(List<OrgUnit> treeOrder, Collection<DataElement> elements, Map<Long, Period> periods) {
        this.units = List.copyOf(treeOrder);
        this.periods = new HashMap<>(periods);
        int n = units.size();
        end = new int[n];
        for (int i = 0; i < n; i++) {
            slotOfUnit.put(units.get(i).id(), i);
            slotOfCode.put(units.get(i).code(), i);
        }
        long maxId = units.stream().mapToLong(OrgUnit::id).max().orElse(-1);
        long minId = units.stream().mapToLong(OrgUnit::id).min().orElse(0);
        if (minId >= 0 && maxId < Math.max(1 << 16, 4L * n)) {
            slotById = new int[(int) maxId + 1];
            java.util.Arrays.fill(slotById, -1);
            for (int i = 0; i < n; i++) {
                slotById[(int) units.get(i).id()] = i;
            }
        } else {
            slotById = null;
        }
        // A pre-order subtree ends at the first unit that is not below it: its path does not start with the root's.
        int[] stack = new int[n + 1];
        int top = 0;
        for (int i = 0; i < n; i++) {
            while (top > 0 && !units.get(i).path().startsWith(units.get(stack[top - 1]).path())) {
                end[stack[--top]] = i;
            }
            stack[top++] = i;
        }
        while (top > 0) {
            end[stack[--top]] = n;
        }
        for (DataElement e : elements) {
            addElement(e.id(), e.code());
        }
    }

    int slots() {
        return units.size();
    }

    Integer slotOf(String unitCode) {
        return slotOfCode.get(unitCode);
    }

    Integer slotOf(long unitId) {
        return slotOfUnit.get(unitId);
    }

    /** The slot of the unit id, −1 when the index does not know it: the build's lookup, without a boxed id. */
    int slotIndex(long unitId) {
        if (slotById != null) {
            return unitId >= 0 && unitId < slotById.length ? slotById[(int) unitId] : -1;
        }
        Integer slot = slotOfUnit.get(unitId);
        return slot == null ? -1 : slot;
    }

    OrgUnit unitAt(int slot) {
        return units.get(slot);
    }

    /** The exclusive end of the subtree that starts at the slot. */
    int end(int slot) {
        return end[slot];
    }

    ElementColumns element(String code) {
        return elementsByCode.get(code);
    }

    ElementColumns element(long id) {
        return elementsById.get(id);
    }

    Period period(long id) {
        return periods.get(id);
    }

    void addPeriod(long id, Period period) {
        periods.put(id, period);
    }

    ElementColumns addElement(long id, String code) {
        ElementColumns e = new ElementColumns(id, code);
        elementsById.put(id, e);
        elementsByCode.put(code, e);
        return e;
    }

    /**
     * True for the values the index keeps: actual values and estimates of the calendar periods. Crop seasons, crop
     * years and five-year periods, and preliminary figures (sơ bộ), are read by the comparison engine from the
     * database instead.
     */
    static boolean kept(Period period, ValueKind kind) {
        return period.type().calendar() && keptKind(kind);
    }

    /** The kinds of value the index keeps (of a calendar period): {@link #kept} without the period. */
    static boolean keptKind(ValueKind kind) {
        return kind == ValueKind.ACTUAL || kind == ValueKind.ESTIMATE;
    }

    /** The largest element, unit and period ids this index knows (−1 for none): how wide the build's keys must be. */
    long[] maxIds() {
        long element = elementsById.keySet().stream().mapToLong(Long::longValue).max().orElse(-1);
        long unit = units.stream().mapToLong(OrgUnit::id).max().orElse(-1);
        long period = periods.keySet().stream().mapToLong(Long::longValue).max().orElse(-1);
        return new long[] {element, unit, period};
    }

    /**
     * Stores the value; false when the element, unit or period is not known to this index (new since it was built).
     */
    boolean put(long elementId, long unitId, long periodId, ValueKind kind, BigDecimal value, boolean illustrative) {
        ElementColumns e = elementsById.get(elementId);
        Integer slot = slotOfUnit.get(unitId);
        Period p = periods.get(periodId);
        if (e == null || slot == null || p == null) {
            return false;
        }
        if (!kept(p, kind)) {
            return true;
        }
        e.put(p, kind, slot, units.size(), value, illustrative);
        return true;
    }

    /** Stores (or, with a null value, removes) the value of a key given by codes; false when a code is unknown. */
    boolean put(String elementCode, String unitCode, Period period, ValueKind kind, BigDecimal value,
                boolean illustrative) {
        ElementColumns e = elementsByCode.get(elementCode);
        Integer slot = slotOfCode.get(unitCode);
        if (e == null || slot == null) {
            return false;
        }
        if (!kept(period, kind)) {
            return true;
        }
        if (value == null) {
            e.remove(period, kind, slot);
        } else {
            e.put(period, kind, slot, units.size(), value, illustrative);
        }
        return true;
    }

    /** How many values the index holds, and the bytes of its arrays: what `kehoach bench` reports. */
    long[] size() {
        long values = 0;
        long bytes = 0;
        for (ElementColumns e : elementsById.values()) {
            for (Column c : e.columns()) {
                for (long w : c.present) {
                    values += Long.bitCount(w);
                }
                bytes += 8L * c.values.length + 8L * c.present.length
                        + (c.illustrative == null ? 0 : 8L * c.illustrative.length);
            }
        }
        return new long[] {values, bytes};
    }
}
