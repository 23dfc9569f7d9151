package vn.kehoach.analytics.internal;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.springframework.stereotype.Component;

import vn.kehoach.datavalue.DataValues;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.period.Period;

/**
 * Fills a {@link ColumnIndex} from data_value. On PostgreSQL: {@code COPY (select …) TO STDOUT (FORMAT binary)}
 * over two connections, each a half of the table's pages (a TID range scan, so neither reads the other's half), the
 * binary rows decoded straight into longs: no result set, no BigDecimal, no boxed id, no map lookup per row for a
 * value that fits a long. Elsewhere (H2), the streamed JDBC pass of {@link DataValues#scan}.
 */
@Component
class ColumnLoader {

    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
    /**
     * The kinds by their first letter, which is what the COPY sends of a kind ({@code ascii(kind)}: one call, where
     * comparing the text with the kinds' names cost the server a tenth of its time).
     */
    private static final ValueKind[] KIND_OF_LETTER = new ValueKind[128];
    private static final int KINDS = ValueKind.values().length;

    static {
        for (ValueKind k : ValueKind.values()) {
            char letter = k.name().charAt(0);
            if (letter >= KIND_OF_LETTER.length - 1 || KIND_OF_LETTER[letter] != null) {
                throw new IllegalStateException("the kinds' first letters must differ: the index's build tells them apart so");
            }
            KIND_OF_LETTER[letter] = k;
        }
    }

    private final DataSource dataSource;
    private final DataValues dataValues;

    ColumnLoader(DataSource dataSource, DataValues dataValues) {
        this.dataSource = dataSource;
        this.dataValues = dataValues;
    }

    /**
     * Puts every stored value into the index; true when some value named a unit, period or element the index does
     * not know (created while it was read).
     */
    boolean load(ColumnIndex index, List<Long> elementIds) {
        if (elementIds.isEmpty()) {
            return false;
        }
        int parts = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        long pages = postgresPages();
        long[] max = index.maxIds();
        KeyLayout layout = KeyLayout.of(max[0], max[1], max[2]);
        ExecutorService pool = Executors.newFixedThreadPool(parts);
        try {
            List<Future<Boolean>> work = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                if (pages >= 0) {
                    long from = pages * i / parts;
                    // The last share is open-ended: rows written since the table's size was read are in it.
                    Long to = i == parts - 1 ? null : pages * (i + 1) / parts;
                    work.add(pool.submit(() -> copy(index, layout, from, to)));
                } else {
                    long from = elementIds.get(elementIds.size() * i / parts);
                    long to = i == parts - 1 ? elementIds.get(elementIds.size() - 1) + 1
                            : elementIds.get(elementIds.size() * (i + 1) / parts);
                    work.add(pool.submit(() -> scan(index, from, to)));
                }
            }
            boolean unknown = false;
            for (Future<Boolean> f : work) {
                unknown |= f.get();
            }
            return unknown;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("dựng chỉ mục phân tích bị ngắt", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** The pages of data_value on PostgreSQL; −1 on any other database. */
    private long postgresPages() {
        try (Connection c = dataSource.getConnection()) {
            if (!c.isWrapperFor(PGConnection.class)) {
                return -1;
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "select pg_relation_size('data_value') / current_setting('block_size')::int")) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private boolean scan(ColumnIndex index, long fromElement, long toElement) {
        boolean[] unknown = new boolean[1];
        dataValues.scan(fromElement, toElement, (e, u, p, kind, value, ill) -> {
            if (!index.put(e, u, p, kind, value, ill)) {
                unknown[0] = true;
            }
        });
        return unknown[0];
    }

    /** One share of the pages, read as binary COPY and decoded into the index. */
    private boolean copy(ColumnIndex index, KeyLayout layout, long fromPage, Long toPage) {
        String where = "ctid >= '(" + fromPage + ",0)'::tid" + (toPage == null ? "" : " and ctid < '(" + toPage + ",0)'::tid");
        try (Connection c = dataSource.getConnection()) {
            CopyOut out = c.unwrap(PGConnection.class).getCopyAPI().copyOut(layout.sql(where));
            try {
                CopyDecoder decoder = new CopyDecoder(new Sink(index), layout);
                byte[] data;
                while ((data = out.readFromCopy()) != null) {
                    decoder.accept(data);
                }
                return decoder.finish();
            } finally {
                if (out.isActive()) {
                    out.cancelCopy();
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("đọc data_value bằng COPY thất bại: " + e.getMessage(), e);
        }
    }

    /**
     * What the COPY sends for a row: the element, unit and period ids, the kind's first letter and the illustrative
     * flag packed in one bigint ({@code element << elementShift | unit << unitShift | period << 8 | letter << 1 |
     * illustrative}) and the amount; or, when the ids are too large to share 56 bits, the element and unit ids on
     * their own, the period packed with the letter and the flag, and the amount. Every column the server writes costs
     * it a call of a send function per row: two columns instead of six took a third off its time.
     */
    record KeyLayout(int unitBits, int periodBits, int elementBits) {

        /** The kind's first letter (7 bits) and the illustrative flag. */
        static final int FLAG_BITS = 8;

        /**
         * The layout for these largest ids, with room for ids 16 times as large (else 4 times); unpacked when they do
         * not fit.
         */
        static KeyLayout of(long maxElement, long maxUnit, long maxPeriod) {
            for (int room = 4; room >= 2; room -= 2) {
                int unit = bits(maxUnit) + room;
                int period = bits(maxPeriod) + room;
                int element = 64 - FLAG_BITS - unit - period;
                if (element >= bits(maxElement) + room) {
                    return new KeyLayout(unit, period, element);
                }
            }
            return new KeyLayout(0, 63 - FLAG_BITS, 0);
        }

        private static int bits(long max) {
            return 64 - Long.numberOfLeadingZeros(Math.max(1, max));
        }

        boolean packed() {
            return elementBits > 0;
        }

        int unitShift() {
            return periodBits + FLAG_BITS;
        }

        int elementShift() {
            return unitBits + periodBits + FLAG_BITS;
        }

        /**
         * The COPY. Ids outside the layout's room (created after the index read the catalog and the units: the change
         * feed reports them) are left out rather than mixed into another's bits.
         */
        String sql(String where) {
            // A kind is told by its first letter (every kind written is a ValueKind's name, which the rest of the
            // application reads with valueOf); least() keeps any other first character within the 7 bits, as 127,
            // which is refused.
            String flags = "(period_id << " + FLAG_BITS + ") | (least(ascii(kind), 127) << 1) | illustrative::int";
            String columns = packed()
                    ? "(element_id << " + elementShift() + ") | (org_unit_id << " + unitShift() + ") | " + flags + ", amount"
                    : "element_id, org_unit_id, " + flags + ", amount";
            String room = "period_id between 0 and " + ((1L << periodBits) - 1);
            if (packed()) {
                room += " and org_unit_id between 0 and " + ((1L << unitBits) - 1)
                        + " and element_id between 0 and " + ((1L << elementBits) - 1);
            }
            return "copy (select " + columns + " from data_value where " + where + " and " + room
                    + ") to stdout (format binary)";
        }
    }

    /**
     * The binary COPY stream (docs: "COPY … Binary Format"), decoded from the driver's messages as they come (one
     * row each, the header with the first): big-endian fields read straight from the arrays, a row split over two
     * messages carried to the next.
     */
    static final class CopyDecoder {

        private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
        private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
        private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);

        private final Sink sink;
        private final KeyLayout layout;
        private final int fields;
        private final long unitMask;
        private final long periodMask;
        private byte[] carry = new byte[0];
        private int carried;
        private boolean header;
        private boolean ended;

        CopyDecoder(Sink sink, KeyLayout layout) {
            this.sink = sink;
            this.layout = layout;
            this.fields = layout.packed() ? 2 : 4;
            this.unitMask = (1L << layout.unitBits()) - 1;
            this.periodMask = (1L << layout.periodBits()) - 1;
        }

        void accept(byte[] data) throws IOException {
            byte[] d = data;
            int len = data.length;
            if (carried > 0) {
                d = java.util.Arrays.copyOf(carry, carried + len);
                System.arraycopy(data, 0, d, carried, len);
                len += carried;
                carried = 0;
            }
            int p = 0;
            if (!header) {
                if (len < SIGNATURE.length + 8) {
                    keep(d, 0, len);
                    return;
                }
                if (!java.util.Arrays.equals(d, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
                    throw new IOException("không phải COPY nhị phân");
                }
                int extension = (int) INT.get(d, SIGNATURE.length + 4);
                if (len < SIGNATURE.length + 8 + extension) {
                    keep(d, 0, len);
                    return;
                }
                p = SIGNATURE.length + 8 + extension;
                header = true;
            }
            while (p < len && !ended) {
                int next = row(d, p, len);
                if (next < 0) {
                    keep(d, p, len);
                    return;
                }
                p = next;
            }
        }

        /** Flushes what is pending; true when some value named an id the index does not know. */
        boolean finish() throws IOException {
            if (!ended || carried > 0) {
                throw new IOException("COPY nhị phân bị cắt ngang");
            }
            sink.flush();
            return sink.unknown;
        }

        private void keep(byte[] d, int from, int to) {
            if (carry.length < to - from) {
                carry = new byte[Math.max(to - from, 2 * carry.length)];
            }
            System.arraycopy(d, from, carry, 0, to - from);
            carried = to - from;
        }

        /** Decodes the row at p and returns where the next starts; −1 when the row is not whole yet. */
        private int row(byte[] d, int p, int len) throws IOException {
            if (len - p < 2) {
                return -1;
            }
            int count = (short) SHORT.get(d, p);
            if (count == -1) {
                ended = true;
                return p + 2;
            }
            if (count != fields) {
                throw new IOException("COPY nhị phân: " + count + " cột, cần " + fields);
            }
            int q = p + 2;
            if (len - q < 12 * (fields - 1) + 4) {
                return -1;
            }
            long a = int8(d, q);
            long b = 0;
            long flags;
            if (fields == 2) {
                flags = a;
                q += 12;
            } else {
                b = int8(d, q + 12);
                flags = int8(d, q + 24);
                q += 36;
            }
            int size = (int) INT.get(d, q);
            q += 4;
            if (size < 8 || len - q < size) {
                if (size < 8) {
                    throw new IOException("COPY nhị phân: amount không phải numeric");
                }
                return -1;
            }
            long element;
            long unit;
            if (fields == 2) {
                element = a >>> layout.elementShift();
                unit = (a >>> layout.unitShift()) & unitMask;
            } else {
                element = a;
                unit = b;
            }
            long period = (flags >>> KeyLayout.FLAG_BITS) & periodMask;
            int letter = (int) (flags >>> 1) & 0x7F;
            ValueKind kind = KIND_OF_LETTER[letter];
            boolean illustrative = (flags & 1) != 0;
            if (kind == null) {
                throw new IOException("loại số liệu lạ (chữ đầu U+" + Integer.toHexString(letter).toUpperCase() + ")");
            }
            int ndigits = (short) SHORT.get(d, q);
            int weight = (short) SHORT.get(d, q + 2);
            int sign = (short) SHORT.get(d, q + 4) & 0xFFFF;
            if (sign != 0 && sign != 0x4000) {
                throw new IOException("data_value.amount không phải một số (NaN hay vô cực)");
            }
            if (size != 8 + 2 * ndigits) {
                throw new IOException("COPY nhị phân: numeric dài " + size + " byte, " + ndigits + " chữ số");
            }
            int digits = q + 8;
            boolean negative = sign == 0x4000;
            // The value as unscaled × 10^-scale, its trailing zeros dropped; more than 16 digits go the BigDecimal way.
            if (ndigits <= 4) {
                long unscaled = 0;
                for (int i = 0; i < ndigits; i++) {
                    unscaled = unscaled * 10_000 + (short) SHORT.get(d, digits + 2 * i);
                }
                int scale = ndigits == 0 ? 0 : 4 * (ndigits - 1 - weight);
                while (scale < 0 && unscaled < 1_000_000_000_000_000L) {
                    unscaled *= 10;
                    scale++;
                }
                while (scale > 0 && unscaled % 10 == 0) {
                    unscaled /= 10;
                    scale--;
                }
                if (scale >= 0 && unscaled < 10_000_000_000_000_000L) {
                    sink.put(element, unit, period, kind, negative ? -unscaled : unscaled, scale, illustrative);
                    return q + size;
                }
            }
            BigInteger u = BigInteger.ZERO;
            for (int i = 0; i < ndigits; i++) {
                u = u.multiply(BigInteger.valueOf(10_000)).add(BigInteger.valueOf((short) SHORT.get(d, digits + 2 * i)));
            }
            BigDecimal v = new BigDecimal(u, 4 * (ndigits - 1 - weight));
            sink.putWide(element, unit, period, kind, negative ? v.negate() : v, illustrative);
            return q + size;
        }

        private static long int8(byte[] d, int p) throws IOException {
            if ((int) INT.get(d, p) != 8) {
                throw new IOException("COPY nhị phân: cần bigint");
            }
            return (long) LONG.get(d, p + 4);
        }
    }

    /**
     * Where decoded rows go: one reader thread's caches of the index's lookups, so that a row costs array reads, and
     * its values gathered by element and stored a batch at a time under the element's lock. A column once made is
     * never replaced (a rescale changes its longs in place), so caching it is safe.
     */
    static final class Sink {

        private static final int BATCH = 4096;
        /** Period states in {@link #periodState}: not looked up yet, kept by the index, not kept, unknown. */
        private static final byte UNSEEN = 0;
        private static final byte KEPT = 1;
        private static final byte SKIPPED = 2;
        private static final byte UNKNOWN = 3;

        private final ColumnIndex index;
        private final Map<Long, Column[][]> columns = new HashMap<>();
        boolean unknown;
        private long lastElement = Long.MIN_VALUE;
        private ElementColumns element;
        /** This element's columns by period id (dense ids: an array) then kind. */
        private Column[][] byPeriod;
        private Period[] periods = new Period[64];
        private byte[] periodState = new byte[64];
        private final Column[] batchColumns = new Column[BATCH];
        private final int[] batchSlots = new int[BATCH];
        private final long[] batchValues = new long[BATCH];
        private final byte[] batchScales = new byte[BATCH];
        private final boolean[] batchIllustrative = new boolean[BATCH];
        private int batched;

        Sink(ColumnIndex index) {
            this.index = index;
        }

        /** Stores unscaled × 10^-scale (trailing zeros dropped) under the key. */
        void put(long elementId, long unitId, long periodId, ValueKind kind, long unscaled, int scale,
                 boolean illustrative) {
            if (elementId != lastElement) {
                switchTo(elementId);
            }
            int slot = index.slotIndex(unitId);
            if (element == null || slot < 0) {
                unknown = true;
                return;
            }
            if (periodId >= periodState.length) {
                if (periodId >= 1 << 20) {
                    putWide(elementId, unitId, periodId, kind, BigDecimal.valueOf(unscaled, scale), illustrative);
                    return;
                }
                grow((int) periodId);
            }
            int at = (int) periodId;
            byte state = periodState[at];
            if (state != KEPT) {
                if (state == UNSEEN) {
                    state = lookUp(at);
                }
                if (state == UNKNOWN) {
                    unknown = true;
                }
                if (state != KEPT) {
                    return;
                }
            }
            if (!ColumnIndex.keptKind(kind)) {
                return;
            }
            Column c = column(at, kind);
            if (batched == BATCH) {
                flush();
            }
            batchColumns[batched] = c;
            batchSlots[batched] = slot;
            batchValues[batched] = unscaled;
            batchScales[batched] = (byte) scale;
            batchIllustrative[batched] = illustrative;
            batched++;
        }

        /** A value that does not fit the long way: stored as a BigDecimal, after what is batched. */
        void putWide(long elementId, long unitId, long periodId, ValueKind kind, BigDecimal value,
                     boolean illustrative) {
            flush();
            if (!index.put(elementId, unitId, periodId, kind, value, illustrative)) {
                unknown = true;
            }
        }

        void flush() {
            if (batched > 0) {
                element.putAll(batchColumns, batchSlots, batchValues, batchScales, batchIllustrative, batched);
                java.util.Arrays.fill(batchColumns, 0, batched, null);
                batched = 0;
            }
        }

        private void switchTo(long elementId) {
            flush();
            lastElement = elementId;
            element = index.element(elementId);
            byPeriod = element == null ? null : columns.computeIfAbsent(elementId, k -> new Column[periods.length][]);
        }

        private void grow(int periodId) {
            int size = Math.max(periodId + 1, 2 * periodState.length);
            periods = java.util.Arrays.copyOf(periods, size);
            periodState = java.util.Arrays.copyOf(periodState, size);
        }

        private byte lookUp(int periodId) {
            Period p = index.period(periodId);
            periods[periodId] = p;
            byte state = p == null ? UNKNOWN : p.type().calendar() ? KEPT : SKIPPED;
            periodState[periodId] = state;
            return state;
        }

        private Column column(int periodId, ValueKind kind) {
            if (periodId >= byPeriod.length) {
                byPeriod = java.util.Arrays.copyOf(byPeriod, Math.max(periodId + 1, byPeriod.length * 2));
                columns.put(lastElement, byPeriod);
            }
            Column[] kinds = byPeriod[periodId];
            if (kinds == null) {
                kinds = byPeriod[periodId] = new Column[KINDS];
            }
            Column c = kinds[kind.ordinal()];
            if (c == null) {
                c = kinds[kind.ordinal()] = element.columnFor(periods[periodId], kind, index.slots());
            }
            return c;
        }
    }
}
