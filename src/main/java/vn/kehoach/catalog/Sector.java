package vn.kehoach.catalog;

/** A sector (lĩnh vực), grouping indicators, forms and tasks; {@code field} is the larger group of Part 2. */
public record Sector(String code, String name, String field, int sortOrder) {
}
