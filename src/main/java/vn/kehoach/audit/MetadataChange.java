package vn.kehoach.audit;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * One change of metadata to keep: its area, the action in Vietnamese ("Sửa", "Tạo"), the id of the org unit whose
 * subtree may read it (null for national data such as the catalog: only readers at a root see it), the period it
 * belongs to when there is one (a document's year), what changed (code and name) and the old and new value as a
 * person reads them. {@code username} and {@code source} may be null: {@link MetadataAudit} then takes the signed-in
 * user and the channel of the current request.
 */
public record MetadataChange(Area area, String action, Long orgUnitId, String period, String subjectCode,
                             String subjectName, String oldValue, String newValue, String username, Source source) {

    public MetadataChange {
        if (area == null || action == null || action.isBlank()) {
            throw new IllegalArgumentException("một thay đổi cần loại và thao tác");
        }
    }

    /** A change by whoever is acting now, through the channel of the current request. */
    public static MetadataChange of(Area area, String action, Long orgUnitId, String subjectCode, String subjectName,
                                    String oldValue, String newValue) {
        return new MetadataChange(area, action, orgUnitId, null, subjectCode, subjectName, oldValue, newValue, null, null);
    }

    /**
     * The change from one state of a record to another, naming only the fields that differ ("name: Lúa → name: Lúa
     * xuân"); {@code before} null is a creation, which shows every field that has a value. Ids are left out: a
     * person reads codes.
     */
    /** Fields that change with every save and say nothing about what changed. */
    private static final java.util.Set<String> BOOKKEEPING = java.util.Set.of("id", "version", "updatedBy", "updatedAt",
            "createdBy", "createdAt");

    public static MetadataChange between(Area area, Long orgUnitId, String subjectCode, String subjectName,
                                         Record before, Record after) {
        List<String> was = new ArrayList<>();
        List<String> now = new ArrayList<>();
        for (RecordComponent rc : after.getClass().getRecordComponents()) {
            if (BOOKKEEPING.contains(rc.getName()) || rc.getName().endsWith("Id")) {
                continue;
            }
            String b = before == null ? null : text(value(rc, before));
            String a = text(value(rc, after));
            if (before == null ? a != null && !a.isEmpty() : !Objects.equals(b, a)) {
                if (before != null) {
                    was.add(rc.getName() + ": " + (b == null ? "" : b));
                }
                now.add(rc.getName() + ": " + (a == null ? "" : a));
            }
        }
        return of(area, before == null ? "Tạo mới" : "Sửa", orgUnitId, subjectCode, subjectName,
                before == null ? null : String.join("; ", was), String.join("; ", now));
    }

    private static Object value(RecordComponent rc, Record r) {
        try {
            return rc.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("không đọc được " + rc.getName() + " của " + r.getClass().getSimpleName(), e);
        }
    }

    private static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Enum<?> e) {
            return label(e);
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (v instanceof Collection<?> c) {
            return String.join(", ", c.stream().map(MetadataChange::text).toList());
        }
        if (v instanceof Record r) {
            List<String> parts = new ArrayList<>();
            for (RecordComponent rc : r.getClass().getRecordComponents()) {
                String t = text(value(rc, r));
                if (t != null && !t.isEmpty()) {
                    parts.add(t);
                }
            }
            return String.join(" ", parts);
        }
        return v.toString();
    }

    /** An enum as the pages name it: its Vietnamese {@code label()} where it has one, else its name. */
    private static String label(Enum<?> e) {
        try {
            return String.valueOf(e.getDeclaringClass().getMethod("label").invoke(e));
        } catch (ReflectiveOperationException | RuntimeException missing) {
            return e.name();
        }
    }

    public MetadataChange inPeriod(String iso) {
        return new MetadataChange(area, action, orgUnitId, iso, subjectCode, subjectName, oldValue, newValue, username, source);
    }

    /** The same change made by this user (when the caller knows better than the security context, e.g. the CLI). */
    public MetadataChange by(String user) {
        return new MetadataChange(area, action, orgUnitId, period, subjectCode, subjectName, oldValue, newValue, user, source);
    }

    /** The same change through this channel (an import names itself: a request alone would say UI or API). */
    public MetadataChange via(Source channel) {
        return new MetadataChange(area, action, orgUnitId, period, subjectCode, subjectName, oldValue, newValue, username, channel);
    }
}
