package vn.kehoach.access;

/**
 * Where a resource lies: an org unit's code, name and materialised path ("/1/4/17/"), or {@link #WHOLE} for what
 * belongs to no unit and so to the whole database (the catalog, forms, rules, definitions, a new root unit).
 */
public record Place(String code, String name, String path) {

    /** The whole database: only actors whose scope is a root unit (or the system) write here. */
    public static final Place WHOLE = new Place(null, "toàn hệ thống", "/");

    public Place {
        if (path == null || !path.startsWith("/") || !path.endsWith("/")) {
            throw new IllegalArgumentException("đường dẫn đơn vị không hợp lệ: " + path);
        }
    }

    public boolean isWhole() {
        return "/".equals(path);
    }
}
