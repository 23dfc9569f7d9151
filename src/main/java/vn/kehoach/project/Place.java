package vn.kehoach.project;

/** A commune (or the district, for a district-wide work) that a project lies in: its org-unit code and name. */
public record Place(String code, String name) {
}
