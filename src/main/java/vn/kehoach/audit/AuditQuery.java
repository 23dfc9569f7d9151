package vn.kehoach.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * What to look for in the audit trail. {@code scopePath} is the materialised path ("/1/2/") of the subtree to
 * search, which the caller has checked the reader may see; every other filter is optional (null): a username,
 * a period id ("2021S1"), the code of what changed (an element, a figure, a form), the channel, the moments from
 * (inclusive) and to (exclusive), words to find in the names, comments and reasons, and the {@link Area} (a trail
 * that keeps other areas answers nothing; {@link #wants(Area)}).
 */
public record AuditQuery(String scopePath, String username, String period, String code, Source source, Instant from,
                         Instant to, String text, int limit, Area area) {

    /** The columns of one trail's query that the common filters apply to. */
    public record Columns(String user, String period, String code, String source, String at) {
    }

    public AuditQuery {
        if (scopePath == null || scopePath.isEmpty()) {
            throw new IllegalArgumentException("nhật ký cần phạm vi đơn vị của người xem");
        }
        limit = Math.max(1, Math.min(limit, 5000));
        text = text == null || text.isBlank() ? null : text.strip();
        username = username == null || username.isBlank() ? null : username.strip().toLowerCase();
        code = code == null || code.isBlank() ? null : code.strip().toUpperCase();
        period = period == null || period.isBlank() ? null : period.strip().toUpperCase();
    }

    /** A query over every area. */
    public AuditQuery(String scopePath, String username, String period, String code, Source source, Instant from,
                      Instant to, String text, int limit) {
        this(scopePath, username, period, code, source, from, to, text, limit, null);
    }

    /** Whether a trail holding this area should answer: no area asked, or this one. */
    public boolean wants(Area held) {
        return area == null || area == held;
    }

    /**
     * Whether the scope is a whole tree (a root unit, "/1/", or every unit, "/"): records that belong to no unit
     * (the national catalog, definitions) are shown only there.
     */
    public boolean wholeTree() {
        return scopePath.chars().filter(ch -> ch == '/').count() <= 2;
    }

    /**
     * The SQL conditions of the filters every trail shares (" and a.changed_by = :user…"), over the trail's own
     * columns; their values go into {@code params}. Each trail adds the scope and its own text search.
     */
    public String conditions(Columns c, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder();
        if (username != null) {
            sql.append(" and ").append(c.user()).append(" = :user");
            params.put("user", username);
        }
        if (period != null) {
            sql.append(" and ").append(c.period()).append(" = :period");
            params.put("period", period);
        }
        if (code != null) {
            sql.append(" and ").append(c.code()).append(" = :code");
            params.put("code", code);
        }
        if (source != null) {
            sql.append(" and ").append(c.source()).append(" = :source");
            params.put("source", source.name());
        }
        if (from != null) {
            sql.append(" and ").append(c.at()).append(" >= :from");
            params.put("from", from.atOffset(ZoneOffset.UTC));
        }
        if (to != null) {
            sql.append(" and ").append(c.at()).append(" < :to");
            params.put("to", to.atOffset(ZoneOffset.UTC));
        }
        return sql.toString();
    }

    /** The LIKE pattern for {@link #text()}, lower case, or null. */
    public String textPattern() {
        return text == null ? null : "%" + text.toLowerCase().replace("%", "").replace("_", "") + "%";
    }
}
