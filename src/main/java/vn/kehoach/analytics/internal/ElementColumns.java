package vn.kehoach.analytics.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.format.Numbers;
import vn.kehoach.period.Period;

/**
 * Every column of one data element, and the scale its values share: the most decimals any of them has (data_value
 * keeps 8 at most). A value with more decimals than the others rescales the element's columns once; a value too
 * large for a long at that scale is kept as it is, and sums of the element go the BigDecimal way.
 */
final class ElementColumns {

    static final int MAX_SCALE = 8;
    private static final long LONG_LIMIT = Long.MAX_VALUE / 10;

    final long id;
    final String code;
    int scale;
    /** The largest |unscaled value| stored: with it a sum is known not to overflow before it is taken. */
    long maxAbs;
    /** True once a value did not fit a long: sums then go through BigDecimal. */
    boolean wide;
    private final Map<ValueKind, Map<Period, Column>> byPeriod = new HashMap<>();
    private volatile List<Column> columns = List.of();

    ElementColumns(long id, String code) {
        this.id = id;
        this.code = code;
        byPeriod.put(ValueKind.ACTUAL, new HashMap<>());
        byPeriod.put(ValueKind.ESTIMATE, new HashMap<>());
    }

    List<Column> columns() {
        return columns;
    }

    Column column(Period period, ValueKind kind) {
        return byPeriod.get(kind).get(period);
    }

    synchronized void put(Period period, ValueKind kind, int slot, int slots, BigDecimal value, boolean illustrative) {
        BigDecimal v = Numbers.normal(value);
        if (v.scale() > scale && v.scale() <= MAX_SCALE) {
            rescale(v.scale());
        }
        Column c = columnFor(period, kind, slots);
        long unscaled = 0;
        BigDecimal kept = null;
        if (v.scale() <= scale) {
            BigInteger u = v.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue();
            if (u.bitLength() < 63 && u.abs().longValue() < LONG_LIMIT) {
                unscaled = u.longValue();
                maxAbs = Math.max(maxAbs, Math.abs(unscaled));
            } else {
                kept = v;
            }
        } else {
            kept = v;
        }
        if (kept != null) {
            wide = true;
        }
        c.put(slot, unscaled, kept, illustrative);
    }

    /** The column of the period and kind, made (empty) when it is not there yet. */
    synchronized Column columnFor(Period period, ValueKind kind, int slots) {
        Column c = byPeriod.get(kind).get(period);
        if (c == null) {
            c = new Column(period, kind, slots);
            byPeriod.get(kind).put(period, c);
            List<Column> copy = new ArrayList<>(columns);
            copy.add(c);
            columns = List.copyOf(copy);
        }
        return c;
    }

    /**
     * Stores unscaled × 10^-valueScale (no trailing zeros) in a column of this element: the build's way, without a
     * BigDecimal unless the value does not fit a long at the element's scale.
     */
    synchronized void putUnscaled(Column c, int slot, long unscaled, int valueScale, boolean illustrative) {
        if (valueScale > scale) {
            if (valueScale > MAX_SCALE) {
                put(c.period, c.kind, slot, c.values.length, BigDecimal.valueOf(unscaled, valueScale), illustrative);
                return;
            }
            rescale(valueScale);
        }
        long u = unscaled;
        for (int s = valueScale; s < scale; s++) {
            if (Math.abs(u) >= LONG_LIMIT / 10) {
                put(c.period, c.kind, slot, c.values.length, BigDecimal.valueOf(unscaled, valueScale), illustrative);
                return;
            }
            u *= 10;
        }
        maxAbs = Math.max(maxAbs, Math.abs(u));
        c.put(slot, u, null, illustrative);
    }

    private static final long[] POW10 = new long[MAX_SCALE + 1];
    /** The largest |unscaled value| that, times 10^i, is still below {@link #LONG_LIMIT}. */
    private static final long[] FITS = new long[MAX_SCALE + 1];

    static {
        POW10[0] = 1;
        for (int i = 1; i <= MAX_SCALE; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
        for (int i = 0; i <= MAX_SCALE; i++) {
            FITS[i] = (LONG_LIMIT - 1) / POW10[i];
        }
    }

    /**
     * Stores n values read by the build, {@code unscaled[i]} × 10^-{@code scales[i]} (no trailing zeros) in
     * {@code columns[i]} at {@code slots[i]}: {@link #putUnscaled} for a batch, under one lock and with at most one
     * rescale.
     */
    synchronized void putAll(Column[] columns, int[] slots, long[] unscaled, byte[] scales, boolean[] illustrative,
                             int n) {
        int most = scale;
        for (int i = 0; i < n; i++) {
            most = Math.max(most, scales[i]);
        }
        if (most > scale) {
            rescale(Math.min(most, MAX_SCALE));
        }
        long max = maxAbs;
        for (int i = 0; i < n; i++) {
            int s = scales[i];
            long u = unscaled[i];
            if (s > MAX_SCALE || Math.abs(u) > FITS[scale - s]) {
                maxAbs = max;
                Column c = columns[i];
                put(c.period, c.kind, slots[i], c.values.length, BigDecimal.valueOf(u, s), illustrative[i]);
                max = maxAbs;
                continue;
            }
            u *= POW10[scale - s];
            max = Math.max(max, Math.abs(u));
            columns[i].put(slots[i], u, null, illustrative[i]);
        }
        maxAbs = max;
    }

    synchronized void remove(Period period, ValueKind kind, int slot) {
        Column c = byPeriod.get(kind).get(period);
        if (c != null) {
            c.clear(slot);
        }
    }

    /** Multiplies every stored long by 10^(newScale − scale); a value that would no longer fit is kept as it is. */
    private void rescale(int newScale) {
        long factor = BigInteger.TEN.pow(newScale - scale).longValueExact();
        for (Column c : columns) {
            for (int slot = 0; slot < c.values.length; slot++) {
                if (!c.has(slot) || c.isWide(slot)) {
                    continue;
                }
                long v = c.values[slot];
                long hi = Math.multiplyHigh(v, factor);
                long lo = v * factor;
                if ((hi == 0 && lo >= 0 || hi == -1 && lo < 0) && Math.abs(lo) < LONG_LIMIT) {
                    c.values[slot] = lo;
                } else {
                    BigDecimal exact = BigDecimal.valueOf(v, scale);
                    c.put(slot, 0, exact, c.illustrative(slot));
                    wide = true;
                }
            }
        }
        maxAbs = maxAbs > LONG_LIMIT / factor ? Long.MAX_VALUE : maxAbs * factor;
        scale = newScale;
    }
}
