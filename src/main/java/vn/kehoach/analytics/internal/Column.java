package vn.kehoach.analytics.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.period.Period;

/**
 * The values of one element stored for one period and kind, one slot per org unit in pre-order, so that a
 * subtree is a contiguous range of slots. A value is an unscaled long at its element's scale (13,747 tỷ at scale 3
 * is 13747): sums of longs are exact, as sums of BigDecimals are. A slot without a value holds 0 and its bit in
 * {@code present} is clear; {@code illustrative} and {@code wide} exist only when a value needs them.
 */
final class Column {

    final Period period;
    final ValueKind kind;
    final int year;
    /** The months of the year the period covers (bit 0 January), for cover and containment in one instruction. */
    final int months;
    long[] values;
    long[] present;
    long[] illustrative;
    /** Values that do not fit a long at the element's scale, by slot (their long slot holds 0). */
    Map<Integer, BigDecimal> wide;

    Column(Period period, ValueKind kind, int slots) {
        this.period = period;
        this.kind = kind;
        this.year = period.year();
        this.months = period.monthMask();
        this.values = new long[slots];
        this.present = new long[(slots + 63) >>> 6];
    }

    boolean has(int slot) {
        return (present[slot >>> 6] & (1L << slot)) != 0;
    }

    boolean illustrative(int slot) {
        return illustrative != null && (illustrative[slot >>> 6] & (1L << slot)) != 0;
    }

    /** The value in the slot at the given scale; the caller has checked {@link #has}. */
    BigDecimal decimal(int slot, int scale) {
        if (wide != null) {
            BigDecimal w = wide.get(slot);
            if (w != null) {
                return w;
            }
        }
        return BigDecimal.valueOf(values[slot], scale);
    }

    boolean isWide(int slot) {
        return wide != null && wide.containsKey(slot);
    }

    void put(int slot, long unscaled, BigDecimal wideValue, boolean isIllustrative) {
        values[slot] = unscaled;
        present[slot >>> 6] |= 1L << slot;
        if (wideValue != null) {
            if (wide == null) {
                wide = new HashMap<>();
            }
            wide.put(slot, wideValue);
        } else if (wide != null) {
            wide.remove(slot);
        }
        if (isIllustrative) {
            if (illustrative == null) {
                illustrative = new long[present.length];
            }
            illustrative[slot >>> 6] |= 1L << slot;
        } else if (illustrative != null) {
            illustrative[slot >>> 6] &= ~(1L << slot);
        }
    }

    void clear(int slot) {
        values[slot] = 0;
        present[slot >>> 6] &= ~(1L << slot);
        if (illustrative != null) {
            illustrative[slot >>> 6] &= ~(1L << slot);
        }
        if (wide != null) {
            wide.remove(slot);
        }
    }

    /** True when any slot in [from, to) holds a value. */
    boolean anyIn(int from, int to) {
        return anyBit(present, from, to);
    }

    boolean anyIllustrativeIn(int from, int to) {
        return illustrative != null && anyBit(illustrative, from, to);
    }

    /** Σ of the slots in [from, to); missing slots hold 0. A plain loop the JIT vectorises. */
    long sum(int from, int to) {
        long s = 0;
        long[] v = values;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return s;
    }

    private static boolean anyBit(long[] bits, int from, int to) {
        if (from >= to) {
            return false;
        }
        int first = from >>> 6;
        int last = (to - 1) >>> 6;
        long firstMask = -1L << from;
        long lastMask = -1L >>> (63 - ((to - 1) & 63));
        if (first == last) {
            return (bits[first] & firstMask & lastMask) != 0;
        }
        if ((bits[first] & firstMask) != 0 || (bits[last] & lastMask) != 0) {
            return true;
        }
        for (int w = first + 1; w < last; w++) {
            if (bits[w] != 0) {
                return true;
            }
        }
        return false;
    }
}
