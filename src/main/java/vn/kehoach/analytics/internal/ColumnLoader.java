package vn.kehoach.analytics.internal;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
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
import org.postgresql.copy.PGCopyInputStream;
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
    private static final ValueKind[] KINDS = ValueKind.values();
    private static final byte[][] KIND_NAMES = new byte[KINDS.length][];

    static {
        for (int i = 0; i < KINDS.length; i++) {
            KIND_NAMES[i] = KINDS[i].name().getBytes(StandardCharsets.US_ASCII);
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
        ExecutorService pool = Executors.newFixedThreadPool(parts);
        try {
            List<Future<Boolean>> work = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                if (pages >= 0) {
                    long from = pages * i / parts;
                    // The last share is open-ended: rows written since the table's size was read are in it.
                    Long to = i == parts - 1 ? null : pages * (i + 1) / parts;
                    work.add(pool.submit(() -> copy(index, from, to)));
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
    private boolean copy(ColumnIndex index, long fromPage, Long toPage) {
        String where = "ctid >= '(" + fromPage + ",0)'::tid" + (toPage == null ? "" : " and ctid < '(" + toPage + ",0)'::tid");
        String sql = "copy (select element_id, org_unit_id, period_id, kind, amount, illustrative from data_value where "
                + where + ") to stdout (format binary)";
        try (Connection c = dataSource.getConnection()) {
            PGConnection pg = c.unwrap(PGConnection.class);
            try (InputStream in = new PGCopyInputStream(pg, sql)) {
                return decode(new DataInputStream(new java.io.BufferedInputStream(in, 1 << 16)), index);
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("đọc data_value bằng COPY thất bại: " + e.getMessage(), e);
        }
    }

    /** The rows of a binary COPY (docs: "COPY … Binary Format"); see {@link #copy} for the columns. */
    static boolean decode(DataInputStream in, ColumnIndex index) throws IOException {
        byte[] header = new byte[SIGNATURE.length];
        in.readFully(header);
        if (!java.util.Arrays.equals(header, SIGNATURE)) {
            throw new IOException("không phải COPY nhị phân");
        }
        in.readInt();
        in.skipNBytes(in.readInt());
        Sink sink = new Sink(index);
        byte[] text = new byte[32];
        short[] digits = new short[16];
        while (true) {
            short fields = in.readShort();
            if (fields == -1) {
                return sink.unknown;
            }
            if (fields != 6) {
                throw new IOException("COPY nhị phân: " + fields + " cột, cần 6");
            }
            long element = int8(in);
            long unit = int8(in);
            long period = int8(in);
            int len = in.readInt();
            if (len > text.length) {
                text = new byte[len];
            }
            in.readFully(text, 0, len);
            ValueKind kind = kind(text, len);
            in.readInt();
            int ndigits = in.readShort();
            int weight = in.readShort();
            int sign = in.readShort() & 0xFFFF;
            in.readShort();
            if (ndigits > digits.length) {
                digits = new short[ndigits];
            }
            for (int i = 0; i < ndigits; i++) {
                digits[i] = in.readShort();
            }
            in.readInt();
            boolean illustrative = in.readByte() != 0;
            if (sign != 0 && sign != 0x4000) {
                throw new IOException("data_value.amount không phải một số (NaN hay vô cực)");
            }
            sink.put(element, unit, period, kind, digits, ndigits, weight, sign == 0x4000, illustrative);
        }
    }

    private static long int8(DataInputStream in) throws IOException {
        if (in.readInt() != 8) {
            throw new EOFException("COPY nhị phân: cần bigint");
        }
        return in.readLong();
    }

    private static ValueKind kind(byte[] text, int len) throws IOException {
        for (int k = 0; k < KIND_NAMES.length; k++) {
            byte[] name = KIND_NAMES[k];
            if (name.length == len && java.util.Arrays.equals(name, 0, len, text, 0, len)) {
                return KINDS[k];
            }
        }
        throw new IOException("loại số liệu lạ: " + new String(text, 0, len, StandardCharsets.UTF_8));
    }

    /**
     * Where decoded rows go: one reader thread's caches of the index's lookups, so that a row costs array reads.
     * A column once made is never replaced (a rescale changes its longs in place), so caching it is safe.
     */
    private static final class Sink {

        private final ColumnIndex index;
        private final Map<Long, Object> columns = new HashMap<>();
        boolean unknown;
        private long lastElement = Long.MIN_VALUE;
        private ElementColumns element;
        /** This element's columns by period id (dense ids: an array) then kind. */
        private Column[][] byPeriod;

        Sink(ColumnIndex index) {
            this.index = index;
        }

        void put(long elementId, long unitId, long periodId, ValueKind kind, short[] digits, int ndigits, int weight,
                 boolean negative, boolean illustrative) {
            if (elementId != lastElement) {
                lastElement = elementId;
                element = index.element(elementId);
                byPeriod = element == null ? null : (Column[][]) columns.computeIfAbsent(elementId,
                        k -> new Column[64][]);
            }
            int slot = index.slotIndex(unitId);
            Period period = index.period(periodId);
            if (element == null || slot < 0 || period == null) {
                unknown = true;
                return;
            }
            if (!ColumnIndex.kept(period, kind)) {
                return;
            }
            Column c = column(periodId, period, kind);
            // The value as unscaled × 10^-scale, its trailing zeros dropped; more than 16 digits go the BigDecimal way.
            if (ndigits <= 4) {
                long unscaled = 0;
                for (int i = 0; i < ndigits; i++) {
                    unscaled = unscaled * 10_000 + digits[i];
                }
                int scale = 4 * (ndigits - 1 - weight);
                if (ndigits == 0) {
                    scale = 0;
                }
                while (scale < 0 && unscaled < 1_000_000_000_000_000L) {
                    unscaled *= 10;
                    scale++;
                }
                while (scale > 0 && unscaled % 10 == 0) {
                    unscaled /= 10;
                    scale--;
                }
                if (scale >= 0 && unscaled < 10_000_000_000_000_000L) {
                    element.putUnscaled(c, slot, negative ? -unscaled : unscaled, scale, illustrative);
                    return;
                }
            }
            BigInteger u = BigInteger.ZERO;
            for (int i = 0; i < ndigits; i++) {
                u = u.multiply(BigInteger.valueOf(10_000)).add(BigInteger.valueOf(digits[i]));
            }
            BigDecimal v = new BigDecimal(u, 4 * (ndigits - 1 - weight));
            element.put(period, kind, slot, index.slots(), negative ? v.negate() : v, illustrative);
        }

        private Column column(long periodId, Period period, ValueKind kind) {
            int at = (int) periodId;
            if (periodId >= 0 && periodId < 1 << 20) {
                if (at >= byPeriod.length) {
                    byPeriod = java.util.Arrays.copyOf(byPeriod, Math.max(at + 1, byPeriod.length * 2));
                    columns.put(lastElement, byPeriod);
                }
                Column[] kinds = byPeriod[at];
                if (kinds == null) {
                    kinds = byPeriod[at] = new Column[KINDS.length];
                }
                Column c = kinds[kind.ordinal()];
                if (c == null) {
                    c = kinds[kind.ordinal()] = element.columnFor(period, kind, index.slots());
                }
                return c;
            }
            return element.columnFor(period, kind, index.slots());
        }
    }
}
