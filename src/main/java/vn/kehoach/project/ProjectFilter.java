package vn.kehoach.project;

/**
 * Which projects to list; every part is optional. {@code placeCode} keeps the projects that lie in that unit's
 * subtree (a commune, or the district for all of its communes); {@code year} those with capital allocated in that
 * year or handed over in it.
 */
public record ProjectFilter(Integer year, String placeCode, ProjectKind kind, ProjectStatus status,
                            CapitalSource source) {

    public static final ProjectFilter ALL = new ProjectFilter(null, null, null, null, null);

    public static ProjectFilter year(int year) {
        return new ProjectFilter(year, null, null, null, null);
    }
}
