package vn.kehoach.demo;

/**
 * Published inside the demo load's transaction once the district's catalog, units, values and targets are in:
 * a module listening to it adds its own demo data, and a failure there undoes the whole load.
 *
 * @param user      who loads the demo, for audit trails
 * @param withUsers true when the demo users (password "demo") were created too: a module may then add demo users
 *                  of its own; false for {@link DemoDistrict#loadData}, where nobody may get a known password
 */
public record DemoDistrictLoaded(String user, boolean withUsers) {

    public DemoDistrictLoaded(String user) {
        this(user, false);
    }
}
