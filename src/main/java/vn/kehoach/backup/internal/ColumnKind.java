package vn.kehoach.backup.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Locale;

/**
 * How a column's value is written as canonical text and read back, the same on H2 and PostgreSQL: whole numbers in
 * decimal; decimals without trailing zeros ({@code 7111.00000000} → {@code 7111}); booleans {@code true}/{@code false};
 * dates ISO; timestamps with a time zone as UTC instants ({@code 2021-07-15T02:00:00Z}); bytes in Base64; text as is.
 * A null stays null (JSON {@code null}), never an empty string.
 */
public enum ColumnKind {
    INTEGER, DECIMAL, FLOATING, BOOLEAN, DATE, TIME, TIMESTAMP, INSTANT, BINARY, TEXT;

    /** The kind of a column from JDBC metadata; PostgreSQL reports {@code timestamptz} as TIMESTAMP and booleans as BIT. */
    public static ColumnKind of(int sqlType, String typeName) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        if (sqlType == Types.TIMESTAMP_WITH_TIMEZONE || name.equals("timestamptz")
                || (name.startsWith("timestamp") && name.contains("with time zone"))) {
            return INSTANT;
        }
        return switch (sqlType) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> INTEGER;
            case Types.NUMERIC, Types.DECIMAL -> DECIMAL;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> FLOATING;
            case Types.BOOLEAN, Types.BIT -> BOOLEAN;
            case Types.DATE -> DATE;
            case Types.TIME -> TIME;
            case Types.TIMESTAMP -> TIMESTAMP;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BINARY;
            default -> TEXT;
        };
    }

    /** The canonical text of column {@code i} of the current row, or null. */
    public String read(ResultSet rs, int i) throws SQLException {
        String text = switch (this) {
            case INTEGER -> Long.toString(rs.getLong(i));
            case DECIMAL -> {
                BigDecimal d = rs.getBigDecimal(i);
                yield d == null ? null : d.stripTrailingZeros().toPlainString();
            }
            case FLOATING -> Double.toString(rs.getDouble(i));
            case BOOLEAN -> Boolean.toString(rs.getBoolean(i));
            case DATE -> string(rs.getObject(i, LocalDate.class));
            case TIME -> string(rs.getObject(i, LocalTime.class));
            case TIMESTAMP -> string(rs.getObject(i, LocalDateTime.class));
            case INSTANT -> {
                OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                yield t == null ? null : t.toInstant().toString();
            }
            case BINARY -> {
                byte[] b = rs.getBytes(i);
                yield b == null ? null : Base64.getEncoder().encodeToString(b);
            }
            case TEXT -> rs.getString(i);
        };
        return rs.wasNull() ? null : text;
    }

    /** Binds canonical text (or null) as parameter {@code i}; a malformed text throws IllegalArgumentException. */
    public void bind(PreparedStatement ps, int i, String text, int sqlType) throws SQLException {
        if (text == null) {
            ps.setNull(i, sqlType);
            return;
        }
        try {
            switch (this) {
                case INTEGER -> ps.setLong(i, Long.parseLong(text));
                case DECIMAL -> ps.setBigDecimal(i, new BigDecimal(text));
                case FLOATING -> ps.setDouble(i, Double.parseDouble(text));
                case BOOLEAN -> ps.setBoolean(i, parseBoolean(text));
                case DATE -> ps.setObject(i, LocalDate.parse(text));
                case TIME -> ps.setObject(i, LocalTime.parse(text));
                case TIMESTAMP -> ps.setObject(i, LocalDateTime.parse(text));
                case INSTANT -> ps.setObject(i, OffsetDateTime.ofInstant(Instant.parse(text), ZoneOffset.UTC));
                case BINARY -> ps.setBytes(i, Base64.getDecoder().decode(text));
                case TEXT -> ps.setString(i, text);
            }
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' không phải là ngày giờ hợp lệ", e);
        }
    }

    private static boolean parseBoolean(String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("'" + text + "' không phải là true/false");
        };
    }

    private static String string(Object o) {
        return o == null ? null : o.toString();
    }
}
